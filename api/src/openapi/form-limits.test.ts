import { describe, expect, it } from 'vitest';

import { ZCreateDelegationBody } from '../features/delegations/delegations.types.js';
import { ZChecklist } from '../features/reference/reference.types.js';
import { renderFormLimits } from './form-limits.js';
import { openApiDocument } from './schema-types.js';

const limits = () => {
  const source = renderFormLimits(openApiDocument().components?.schemas as Parameters<typeof renderFormLimits>[0]);
  return JSON.parse(/formLimits = (.*) as const;/s.exec(source)![1]!) as Record<string, Record<string, object>>;
};

describe('formLimits (issue 13.5): the console forms hold the line the route schemas check', () => {
  it('a body field carries its zod bounds', () => {
    const reason = ZCreateDelegationBody.shape.reason;
    expect(limits().CreateDelegationBody?.reason).toEqual({ minLength: reason.minLength, maxLength: reason.maxLength });
  });

  it('reference data carries each kind’s content bounds, down to a list item’s field', () => {
    const code = ZChecklist.shape.items.element.shape.code;
    expect(limits()['ReferenceData.checklist']?.['content.items[].code']).toEqual({
      minLength: code.minLength,
      maxLength: code.maxLength,
    });
  });
});
