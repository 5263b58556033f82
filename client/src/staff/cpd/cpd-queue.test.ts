import { expect } from 'chai';
import { parseQueueParams, queueItemPath, queueOrigin, queueParams, queuePath, queueReturnPath } from './cpd-queue.js';

const ID = '6f1c1c52-5a43-4a57-9c54-5b7c2f7f9a11';

describe('staff CPD queue: links and filters', () => {
  it('opens each kind on its own page', () => {
    expect(queueItemPath({ kind: 'activity', id: ID })).to.equal(`/staff/cpd/activities/${ID}`);
    expect(queueItemPath({ kind: 'accreditation', id: ID })).to.equal(`/staff/accreditations/${ID}`);
    expect(queueItemPath({ kind: 'objection', id: ID })).to.equal(`/staff/accreditations/${ID}`);
    expect(queueItemPath({ kind: 'organisation', id: ID })).to.equal(`/staff/organisations/${ID}`);
  });

  it('reads the filters from the address and drops what the server would refuse', () => {
    expect(parseQueueParams(new URLSearchParams('kind=activity&category=reflectie&overdue=true&q=%20vries%20&page=3'))).to.deep.equal({
      kind: 'activity',
      category: 'reflectie',
      overdue: true,
      q: 'vries',
      page: 3,
    });
    expect(parseQueueParams(new URLSearchParams('kind=cursus&category=A%20B&overdue=yes&q=&page=0'))).to.deep.equal({
      kind: undefined,
      category: undefined,
      overdue: undefined,
      q: undefined,
      page: 1,
    });
  });

  it('writes them back without defaults, so the address stays short', () => {
    expect(queueParams({ page: 1 }).toString()).to.equal('');
    expect(queueParams({ kind: 'objection', overdue: true, q: 'delta', page: 2 }).toString()).to.equal('kind=objection&overdue=true&q=delta&page=2');
    const round = parseQueueParams(queueParams({ kind: 'activity', category: 'werkervaring', q: 'sanne', page: 4 }));
    expect(round).to.deep.equal({ kind: 'activity', category: 'werkervaring', overdue: undefined, q: 'sanne', page: 4 });
  });

  it('leads a page opened from the queue back to the tab, filters and page it was opened from', () => {
    expect(queueReturnPath(queueOrigin('?kind=objection'))).to.equal('/staff/cpd?kind=objection');
    expect(queueReturnPath(queueOrigin('?kind=accreditation&overdue=true&page=2'))).to.equal('/staff/cpd?kind=accreditation&overdue=true&page=2');
    expect(queueReturnPath(queueOrigin(''))).to.equal('/staff/cpd');
    // Anything the queue would not read is dropped, so the state leads nowhere but the queue.
    expect(queueReturnPath({ cpdQueue: 'kind=cursus&next=https://example.org' })).to.equal('/staff/cpd');
  });

  it('knows when a page was not opened from the queue', () => {
    for (const state of [null, undefined, 'kind=objection', {}, { cpdQueue: 3 }, { decided: { title: 'x' } }]) expect(queueReturnPath(state)).to.equal(null);
  });

  it('addresses a tab of the queue', () => {
    expect(queuePath()).to.equal('/staff/cpd');
    expect(queuePath('objection')).to.equal('/staff/cpd?kind=objection');
  });
});
