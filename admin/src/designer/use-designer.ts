import { type DefinitionError, parseDefinition, type TDefinition } from '@eduflow/workflows';
import { useCallback, useEffect, useMemo, useState } from 'react';

import { isApiError } from '../providers/http';
import { designerApi, type DesignerDefinition } from './api';
import { type Doc, edgesOf, locateError } from './model';

/**
 * The definition being designed: the server copy, the local edits, live validation with the same
 * parseDefinition() the API runs, and errors counted per node and per arrow for pinning.
 */
export function useDesigner(id: string) {
  const [server, setServer] = useState<DesignerDefinition | null>(null);
  const [doc, setDoc] = useState<Doc | null>(null);
  const [dirty, setDirty] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const d = await designerApi.get(id);
      setServer(d);
      setDoc(d.definition);
      setDirty(false);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [id]);
  useEffect(() => void load(), [load]);

  const edit = useCallback((next: Doc) => {
    setDoc(next);
    setDirty(true);
  }, []);

  const edges = useMemo(() => (doc ? edgesOf(doc) : []), [doc]);
  const validation = useMemo((): { def: TDefinition | null; errors: DefinitionError[] } => {
    if (!doc) return { def: null, errors: [] };
    const parsed = parseDefinition(doc);
    return parsed.ok ? { def: parsed.definition, errors: [] } : { def: null, errors: parsed.errors };
  }, [doc]);
  const pinned = useMemo(() => {
    const byState: Record<string, number> = {};
    const byEdge: Record<string, number> = {};
    const messages: Record<string, DefinitionError[]> = {};
    for (const e of validation.errors) {
      const at = locateError(e.path, edges);
      if (at.edge) byEdge[at.edge] = (byEdge[at.edge] ?? 0) + 1;
      else if (at.state) byState[at.state] = (byState[at.state] ?? 0) + 1;
      const key = at.edge ?? at.state;
      if (key) (messages[key] ??= []).push(e);
    }
    return { byState, byEdge, messages };
  }, [validation.errors, edges]);

  /** Saves the draft; a stale revision comes back as a 409 the page offers to resolve by reloading. */
  const save = useCallback(async () => {
    if (!server || !doc) return null;
    const saved = await designerApi.save(server.id, doc, server.revision);
    setServer(saved);
    setDirty(false);
    return saved;
  }, [server, doc]);

  return {
    server,
    doc,
    dirty,
    loadError,
    load,
    edit,
    edges,
    validation,
    pinned,
    save,
    isConflict: (e: unknown) => isApiError(e) && e.status === 409 && e.code === 'VERSION_CONFLICT',
  };
}
