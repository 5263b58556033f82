import { addMonths, todayIn } from '../../server/domain/plain-date.js';

/** Answers that complete a Sociaal werker application in the seeded register (VOG issued a month ago). */
export const completeAnswers = {
  diplomaCode: 'hbo-social-work',
  diplomaYear: 2020,
  vogIssuedOn: addMonths(todayIn('Europe/Amsterdam'), -1),
  declarations: { beroepscode: true, tuchtrecht: true, publication: true },
};
