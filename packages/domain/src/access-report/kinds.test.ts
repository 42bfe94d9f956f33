import { describe, expect, it } from 'vitest';
import { accessOf, kindOf, READ_ACTIONS_PATTERN } from './kinds';

describe('an audited action in the client’s terms', () => {
  it('names the kind of record, most specific prefix first', () => {
    expect(kindOf('note.read')).toBe('session-note');
    expect(kindOf('psychotherapy-note.read')).toBe('private-note');
    expect(kindOf('client.timeline')).toBe('timeline');
    expect(kindOf('client.read')).toBe('details');
    expect(kindOf('session.read')).toBe('session');
    expect(kindOf('session.note.start')).toBe('session-note');
    expect(kindOf('message.list')).toBe('message');
    expect(kindOf('contact-agreement.accept')).toBe('contact-agreement');
    // The agreement primitive's events name the agreement in their detail.
    expect(kindOf('agreement.accept', 'contact-agreement')).toBe('contact-agreement');
    expect(kindOf('agreement.read', 'shared-plan')).toBe('plan');
    expect(kindOf('agreement.propose', 'ending-plan')).toBe('agreement');
    expect(kindOf('agreement.read')).toBe('agreement');
    expect(kindOf('consent.sign')).toBe('consent');
    expect(kindOf('client.access-report.read')).toBe('access-report');
    expect(kindOf('goal.review.list')).toBe('goals');
    expect(kindOf('response.create')).toBe('questionnaire');
    expect(kindOf('appointment.update')).toBe('session');
    expect(kindOf('something-new.read')).toBe('record');
    // A prefix matches whole segments only: `notebook.read` is not a note.
    expect(kindOf('notebook.read')).toBe('record');
    // A copy of the record (issue 12) is the record, not the client's details.
    expect(kindOf('client.fhir.export')).toBe('record');
    expect(kindOf('portal.fhir.export')).toBe('record');
  });

  it('counts a copy of the record as a read, yet never hides it as the client’s own read', () => {
    const pattern = new RegExp(READ_ACTIONS_PATTERN);
    for (const action of ['client.fhir.export', 'portal.fhir.export']) {
      expect(accessOf(action)).toBe('read');
      expect(pattern.test(action)).toBe(false);
    }
  });

  it('tells reading from changing, in code and in the query pattern alike', () => {
    const pattern = new RegExp(READ_ACTIONS_PATTERN);
    for (const action of ['note.read', 'goal.list', 'client.timeline', 'goal.review.list']) {
      expect(accessOf(action)).toBe('read');
      expect(pattern.test(action)).toBe(true);
    }
    for (const action of ['note.update', 'note.sign', 'portal.update', 'goal.rate', 'listing.x']) {
      expect(accessOf(action)).toBe('change');
      expect(pattern.test(action)).toBe(false);
    }
  });

  it('names a download of the copy apart from a read, and its request (issue 12)', () => {
    expect(kindOf('record-copy.pdf')).toBe('copy');
    expect(accessOf('record-copy.pdf')).toBe('download');
    expect(kindOf('record-request.create')).toBe('copy-request');
    expect(accessOf('record-request.create')).toBe('request');
    expect(accessOf('record-request.release')).toBe('release');
    expect(accessOf('record-copy.review')).toBe('read');
    // The client's own downloads are not "reads" the report leaves out.
    expect(new RegExp(READ_ACTIONS_PATTERN).test('record-copy.pdf')).toBe(false);
  });
});
