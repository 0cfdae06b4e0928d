import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';

import { api, call } from '../../api/client';
import { publishedReference } from '../../api/reference';
import { cachedSession } from '../../providers/session';
import type { Attachment, LocalizedText, Page } from '../../types/contract';
import { postAttachment } from '../use-file-upload';

/** Evidence for one checklist item is an attachment whose field is `<table>.<code>` (the API's convention). */
export const itemField = (table: string, code: string) => `${table}.${code}`;

type Ctx = {
  instanceId: string;
  /** Files per `<table>.<code>`. */
  byItem: Map<string, Attachment[]>;
  /** Item codes whose checklist entry requires evidence when failed. */
  required: Set<string>;
  /** The server's last message per `<table>.<code>` (cleared once that item gets a file). */
  errors: Record<string, LocalizedText>;
  upload: (table: string, code: string, file: File) => Promise<Attachment>;
};

const ItemEvidenceContext = createContext<Ctx | null>(null);

/** Null outside an instance (e.g. the designer's preview): the checklist then shows no evidence column. */
export function useItemEvidence(): Ctx | null {
  return useContext(ItemEvidenceContext);
}

/**
 * Gives the checklist inside an event form what it needs to attach evidence to an item: the
 * instance's files (the same query as the 佐证材料 card, so both stay in step), the published
 * checklist's evidence-required items, and the server's per-item refusals.
 */
export function ItemEvidenceProvider({
  instanceId,
  fieldErrors,
  alsoRequired,
  mineOnly,
  children,
}: {
  instanceId: string;
  fieldErrors?: Record<string, LocalizedText>;
  alsoRequired?: string[];
  /** A part's rows: only the files this user attached count (each school proves its own part). */
  mineOnly?: boolean;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const key = ['attachments', instanceId];
  const files = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/attachments', { params: { query: { instanceId, limit: 100 } } })),
    retry: false,
  });
  const checklist = useQuery({
    queryKey: ['reference', 'checklist', 'published'],
    queryFn: () => publishedReference('checklist', 1),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const [errors, setErrors] = useState<Record<string, LocalizedText>>({});
  useEffect(
    () => setErrors(Object.fromEntries(Object.entries(fieldErrors ?? {}).filter(([k]) => k.includes('.')))),
    [fieldErrors],
  );

  const value = useMemo<Ctx>(() => {
    const byItem = new Map<string, Attachment[]>();
    const me = cachedSession()?.me.user.id;
    for (const a of files.data?.items ?? [])
      if (a.field?.includes('.') && (!mineOnly || a.uploadedBy === me))
        byItem.set(a.field, [...(byItem.get(a.field) ?? []), a]);
    // The checklist's items, and rows the instance says need evidence (an indicator system's).
    const required = new Set([
      ...(checklist.data?.[0]?.content.items ?? []).filter((i) => i.evidenceRequired).map((i) => i.code),
      ...(alsoRequired ?? []),
    ]);
    const upload = async (table: string, code: string, file: File) => {
      const saved = await postAttachment(instanceId, file, itemField(table, code));
      client.setQueryData<Page<Attachment>>(key, (old) => ({
        items: [...(old?.items ?? []).filter((a) => a.id !== saved.id), saved],
        nextCursor: old?.nextCursor ?? null,
      }));
      setErrors(({ [itemField(table, code)]: _done, ...rest }) => rest);
      return saved;
    };
    return { instanceId, byItem, required, errors, upload };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [files.data, checklist.data, errors, instanceId, alsoRequired, mineOnly]);

  return <ItemEvidenceContext.Provider value={value}>{children}</ItemEvidenceContext.Provider>;
}
