import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';

import { api, call } from '../../api/client';
import type { FieldDef, FindingsConfig } from '../../types/contract';

type Ctx = {
  instanceId: string;
  /** The instance's data as the viewer may read it (the raise rows, the school's replies). */
  data: Record<string, unknown>;
  /** Every field of the definition, by name: a reply field finds the raise field it answers. */
  fields: Map<string, FieldDef>;
};

const FindingsContext = createContext<Ctx | null>(null);

/** What a findings field needs from the instance around it; null outside an instance (the designer's preview). */
export function useFindingsContext(): Ctx | null {
  return useContext(FindingsContext);
}

export function FindingsProvider({ children, ...value }: Ctx & { children: ReactNode }) {
  return <FindingsContext.Provider value={value}>{children}</FindingsContext.Provider>;
}

/** The raise-mode config a findings field answers (or is), with that field's name. */
export function raiseConfigOf(
  field: FieldDef,
  fields: Map<string, FieldDef> | undefined,
): (Extract<FindingsConfig, { mode: 'raise' }> & { field: string }) | null {
  const cfg = field.findings;
  if (cfg?.mode === 'raise') return { ...cfg, field: field.name };
  if (!cfg) return null;
  const source = fields?.get(cfg.of)?.findings;
  return source?.mode === 'raise' ? { ...source, field: cfg.of } : null;
}

/** The findings ledger's rows for one inspection (at most a checklist's worth), as the viewer may read them. */
export function useInstanceFindings(instanceId: string | undefined) {
  return useQuery({
    queryKey: ['findings', 'instance', instanceId],
    queryFn: () => call(api.GET('/api/findings', { params: { query: { instanceId: instanceId!, limit: 100 } } })),
    enabled: !!instanceId,
    retry: false,
  });
}

/** Rows of a findings value (or a table), keyed by their item code. */
export function rowsByCode<T extends { code: string }>(value: unknown): Map<string, T> {
  const rows = Array.isArray(value) ? value : [];
  return new Map(
    rows
      .filter((r): r is T => typeof r === 'object' && r !== null && typeof (r as { code?: unknown }).code === 'string')
      .map((r) => [r.code, r]),
  );
}
