import { isDeepStrictEqual } from 'node:util';

import { BLOCKS, eventLabel, isBlockName } from '../../engine.js';
import type { TDiffChange } from './definitions.types.js';
import type { TLooseDefinition } from './diff-shape.js';

type Ref = { name: string; params?: Record<string, unknown> };
type Placed = {
  id: string;
  name: string;
  site: string;
  siteZh: string;
  siteEn: string;
  params: Record<string, unknown>;
};

const refs = (v: unknown): Ref[] =>
  Array.isArray(v)
    ? v.filter((r): r is Ref => typeof r === 'object' && r !== null && typeof (r as Ref).name === 'string')
    : [];

/** Every block of a (possibly half-built) document, with a readable place; state ids pass through `rename`. */
function placed(doc: TLooseDefinition, rename: (id: string) => string = (id) => id): Placed[] {
  const out: Placed[] = [];
  // One use of a block is known by its name and, for the ledger, its operation (raise, handIn, …).
  const push = (r: Ref, site: string, siteZh: string, siteEn: string) =>
    out.push({
      id: `${r.name}${typeof r.params?.op === 'string' ? `:${r.params.op}` : ''}`,
      name: r.name,
      site,
      siteZh,
      siteEn,
      params: r.params ?? {},
    });
  for (const r of refs(doc.startBlocks)) push(r, 'start', '发起', 'start');
  for (const [rawId, s] of Object.entries(doc.states)) {
    const id = rename(rawId);
    const zh = s.name?.['zh-CN'] || id;
    const en = s.name?.en || id;
    for (const r of refs(s.blocks)) push(r, `step:${id}`, `环节「${zh}」`, `step "${en}"`);
    for (const [event, tr] of Object.entries(s.on ?? {}))
      for (const r of refs((tr as { blocks?: unknown }).blocks))
        push(
          r,
          `action:${id}.${event}`,
          `「${zh}」的操作「${tr.label?.['zh-CN'] || eventLabel(event)['zh-CN']}」`,
          `action ${event} of "${en}"`,
        );
  }
  return out;
}

const label = (name: string) => (isBlockName(name) ? BLOCKS[name].label : { 'zh-CN': name, en: name });

/**
 * Blocks added, removed, moved to another step or action, or re-parameterised. Renamed steps (`movedTo`,
 * old id → new id) are followed, so renaming a step does not read as moving its blocks.
 */
export function blockChanges(a: TLooseDefinition, b: TLooseDefinition, movedTo: Map<string, string>): TDiffChange[] {
  const before = placed(a, (id) => movedTo.get(id) ?? id);
  const after = placed(b);
  const out: TDiffChange[] = [];
  const left = [...before];
  for (const blk of after) {
    const same = left.findIndex((x) => x.id === blk.id && x.site === blk.site);
    const any = same >= 0 ? same : left.findIndex((x) => x.id === blk.id);
    const l = label(blk.name);
    if (any < 0) {
      out.push({
        kind: 'block',
        change: 'added',
        target: `${blk.site}:${blk.id}`,
        text: { 'zh-CN': `${blk.siteZh}新增模块「${l['zh-CN']}」`, en: `Block "${l.en}" added on ${blk.siteEn}` },
      });
      continue;
    }
    const old = left.splice(any, 1)[0];
    if (old.site !== blk.site)
      out.push({
        kind: 'block',
        change: 'moved',
        target: `${blk.site}:${blk.id}`,
        text: {
          'zh-CN': `模块「${l['zh-CN']}」由${old.siteZh}移至${blk.siteZh}`,
          en: `Block "${l.en}" moved from ${old.siteEn} to ${blk.siteEn}`,
        },
      });
    else if (!isDeepStrictEqual(old.params, blk.params))
      out.push({
        kind: 'block',
        change: 'changed',
        target: `${blk.site}:${blk.id}`,
        text: {
          'zh-CN': `${blk.siteZh}的模块「${l['zh-CN']}」参数已修改`,
          en: `Block "${l.en}" on ${blk.siteEn}: parameters changed`,
        },
      });
  }
  for (const old of left) {
    const l = label(old.name);
    out.push({
      kind: 'block',
      change: 'removed',
      target: `${old.site}:${old.id}`,
      text: { 'zh-CN': `${old.siteZh}删除模块「${l['zh-CN']}」`, en: `Block "${l.en}" removed from ${old.siteEn}` },
    });
  }
  return out;
}
