import { describe, expect, it } from 'vitest';

import { parseDefinition } from '../definition/validate.js';
import { TEMPLATES } from '../templates/index.js';
import { def } from '../test-fixtures.js';
import { fieldRefs } from './field-refs.js';

/** A bureau's copy that renamed the request's fields everywhere the document names them (forms, rules, blocks). */
function renamedCopy(renames: Record<string, string>) {
  let json = JSON.stringify({ ...TEMPLATES['campus-entry'], key: 'campus-entry-copy' });
  for (const [from, to] of Object.entries(renames)) json = json.replaceAll(`"${from}"`, `"${to}"`);
  const parsed = parseDefinition(JSON.parse(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

describe('fieldRefs: what a field names, read from the definition', () => {
  it('campus entry: the listed schools and the whitelist item, from its actor rules and blocks', () => {
    expect(fieldRefs(def(TEMPLATES['campus-entry']))).toEqual({ schoolIds: 'school', itemCode: 'whitelistItem' });
  });

  it("a copy with renamed fields keeps them, under the copy's names", () => {
    const copy = renamedCopy({ schoolIds: 'targetSchools', itemCode: 'activity' });
    expect(fieldRefs(copy)).toEqual({ targetSchools: 'school', activity: 'whitelistItem' });
  });

  it('a workflow that declares no references has none: the inspection', () => {
    expect(fieldRefs(def(TEMPLATES['security-inspection']))).toEqual({});
  });
});
