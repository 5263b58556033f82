import { CreateCoreSchema1763800000000 } from './1763800000000-CreateCoreSchema.js';
import { SeedRegisterSociaalWerk1763800000001 } from './1763800000001-SeedRegisterSociaalWerk.js';
import { CreateApplicationsEvidenceCertificates1763800000002 } from './1763800000002-CreateApplicationsEvidenceCertificates.js';
import { IndexPublicSearch1763800000003 } from './1763800000003-IndexPublicSearch.js';
import { PublicListingFlag1763800000004 } from './1763800000004-PublicListingFlag.js';
import { CertificateRefreshRequests1763800000005 } from './1763800000005-CertificateRefreshRequests.js';
import { RegisterEvidenceLimit1763800000006 } from './1763800000006-RegisterEvidenceLimit.js';
import { CorrectReregistrationDeadline1796117700000 } from './1796117700000-CorrectReregistrationDeadline.js';
import { CreateCpdSchema1796200000000 } from './1796200000000-CreateCpdSchema.js';
import { AddOrganisationDecidedAt1796200100000 } from './1796200100000-AddOrganisationDecidedAt.js';
import { AccreditationObjectionsAgainstApprovals1796200500000 } from './1796200500000-AccreditationObjectionsAgainstApprovals.js';

/** The ordered history of the schema. Listed explicitly (no globs) so the same list works under tsx and from compiled dist/. */
export const MIGRATIONS = [
  CreateCoreSchema1763800000000,
  SeedRegisterSociaalWerk1763800000001,
  CreateApplicationsEvidenceCertificates1763800000002,
  IndexPublicSearch1763800000003,
  PublicListingFlag1763800000004,
  CertificateRefreshRequests1763800000005,
  RegisterEvidenceLimit1763800000006,
  CorrectReregistrationDeadline1796117700000,
  CreateCpdSchema1796200000000,
  AddOrganisationDecidedAt1796200100000,
  AccreditationObjectionsAgainstApprovals1796200500000,
];
