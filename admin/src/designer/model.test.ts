import { parseDefinition, TEMPLATES } from '@eduflow/workflows';
import { describe, expect, it } from 'vitest';

import {
  addState,
  addTransition,
  blankDefinition,
  edgesOf,
  locateError,
  removeEdge,
  removeState,
  renameStateId,
} from './model';

describe('designer model', () => {
  it('starts from a blank definition the engine accepts', () => {
    expect(parseDefinition(blankDefinition()).ok).toBe(true);
  });

  it('a review gets APPROVE then REJECT when arrows are drawn from it, and the result validates', () => {
    let doc = blankDefinition();
    const review = addState(doc, 'review');
    doc = review.doc;
    doc = {
      ...doc,
      states: {
        ...doc.states,
        selfReport: {
          ...doc.states.selfReport,
          kind: 'task',
          actors: [{ role: 'principal', scope: 'subject.school' }],
          on: { SUBMIT: { to: review.id } },
        },
      },
    };
    const approve = addTransition(doc, review.id, 'done');
    const reject = addTransition(approve.doc, review.id, 'selfReport');
    expect([approve.edge, reject.edge]).toEqual([`${review.id}|on.APPROVE`, `${review.id}|on.REJECT`]);
    expect(parseDefinition(reject.doc).ok).toBe(true);
  });

  it('renaming a state id follows every reference; removing one drops the arrows into it', () => {
    const doc = renameStateId(blankDefinition(), 'done', 'closed');
    expect(doc.states.closed).toBeDefined();
    expect(edgesOf(doc).map((e) => e.to)).toEqual(['closed']);
    expect(renameStateId(doc, 'closed', 'selfReport')).toBe(doc); // taken ids are refused
    const removed = removeState(doc, 'closed');
    expect(edgesOf(removed)).toEqual([]);
    const edge = edgesOf(doc)[0];
    expect(edgesOf(removeEdge(doc, edge))).toEqual([]);
  });

  it('renaming the collect step a block scores from keeps the block pointing at it, and the copy valid', () => {
    const doc = renameStateId(structuredClone(TEMPLATES['teaching-award']), 'expertReview', 'scoring');
    const publish = doc.states.ranking.kind === 'task' ? doc.states.ranking.on.PUBLISH : undefined;
    expect(publish?.blocks?.[0]).toMatchObject({ name: 'trimmedMean', params: { from: 'scoring' } });
    expect(parseDefinition(doc).ok).toBe(true);
  });

  it('pins an error path on the arrow or the node it is about', () => {
    const doc = blankDefinition();
    const edges = edgesOf(doc);
    expect(locateError('states.selfReport.on.SUBMIT.guards.0', edges)).toEqual({
      state: 'selfReport',
      edge: 'selfReport|on.SUBMIT',
    });
    expect(locateError('states.selfReport.actors', edges)).toEqual({ state: 'selfReport' });
    expect(locateError('starters', edges)).toEqual({});
  });
});
