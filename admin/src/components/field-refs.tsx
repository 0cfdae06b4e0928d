import { fieldRefs, type TFieldHolds } from '@eduflow/workflows';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

import type { DefinitionDocument } from '../types/contract';

const FieldRefs = createContext<Record<string, TFieldHolds>>({});

/**
 * The form fields of `definition` that name schools or a whitelist item, as the definition declares them
 * (`fieldRefs`: its actor rules and blocks), for the form controls below: a school picker, the whitelist's
 * items. Read from what the definition says, never from a field's name, so a bureau's copy keeps them.
 */
export function FieldRefsProvider({
  definition,
  children,
}: {
  definition: DefinitionDocument | null | undefined;
  children: ReactNode;
}) {
  const refs = useMemo(() => (definition ? fieldRefs(definition) : {}), [definition]);
  return <FieldRefs.Provider value={refs}>{children}</FieldRefs.Provider>;
}

/** What each field's values name, by field, where the definition says so. */
export const useFieldRefs = (): Readonly<Record<string, TFieldHolds>> => useContext(FieldRefs);
