import type { z } from 'zod';

import type { TDefinition, TLocalizedText } from '../definition/schema.js';
import { t } from '../text.js';
import { BLOCKS, isBlockName } from './registry.js';
import { declaredBlocks } from './sites.js';

export type BlockErrorCode = 'UNKNOWN_BLOCK' | 'BAD_BLOCK_PARAMS' | 'BLOCK_PLACEMENT' | 'BLOCK_INPUT';
export type BlockError = { path: string; code: BlockErrorCode; message: TLocalizedText };

const SITE_NAMES = {
  start: t('发起', 'the start'),
  step: t('环节', 'a step'),
  action: t('操作', 'an action'),
} as const;

/** The facts every guard of the definition reads by name (`params.fact`). */
function factsRead(def: TDefinition): Set<string> {
  const out = new Set<string>();
  for (const s of Object.values(def.states)) {
    const guards = [
      ...('on' in s ? Object.values(s.on).flatMap((tr) => tr.guards ?? []) : []),
      ...(s.kind === 'auto' ? s.choices.flatMap((c) => c.guards) : []),
    ];
    for (const g of guards) if (typeof g.params?.fact === 'string') out.add(g.params.fact);
  }
  return out;
}

/**
 * Blocks must be known, well parameterised, placed where the registry allows, and find their inputs
 * (fields, a collect step, a table's columns) where they are placed. Each error carries the JSON path
 * of the block or of the offending parameter, so the designer can pin it.
 */
export function validateBlocks(def: TDefinition): BlockError[] {
  const errors: BlockError[] = [];
  const read = factsRead(def);
  for (const { ref, site, path } of declaredBlocks(def)) {
    if (!isBlockName(ref.name)) {
      errors.push({
        path: `${path}.name`,
        code: 'UNKNOWN_BLOCK',
        message: t(`未知模块「${ref.name}」`, `Unknown block "${ref.name}"`),
      });
      continue;
    }
    const spec = BLOCKS[ref.name];
    const label = spec.label;
    const parsed = (spec.params as z.ZodType).safeParse(ref.params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const at = issue.path.length ? `${path}.params.${issue.path.join('.')}` : `${path}.params`;
        errors.push({
          path: at,
          code: 'BAD_BLOCK_PARAMS',
          message: t(
            `模块「${label['zh-CN']}」参数无效：${issue.message}`,
            `Block "${label.en}" has invalid parameters: ${issue.message}`,
          ),
        });
      }
      continue;
    }
    const kinds: readonly string[] | undefined = 'stepKinds' in spec ? spec.stepKinds : undefined;
    const kind = site.at === 'start' ? null : def.states[site.state]?.kind;
    if (
      !(spec.sites as readonly string[]).includes(site.at) ||
      (site.at === 'step' && kinds && !kinds.includes(kind ?? ''))
    ) {
      const allowed = spec.sites.map((s) => SITE_NAMES[s]);
      errors.push({
        path,
        code: 'BLOCK_PLACEMENT',
        message: t(
          `模块「${label['zh-CN']}」只能放在${allowed.map((a) => a['zh-CN']).join('或')}上${kinds ? `（${kinds.join('、')} 环节）` : ''}`,
          `Block "${label.en}" belongs on ${allowed.map((a) => a.en).join(' or ')}${kinds ? ` (${kinds.join(', ')} steps)` : ''}`,
        ),
      });
      continue;
    }
    const params = parsed.data as never;
    for (const p of spec.inputs?.(params, def, site) ?? [])
      errors.push({
        path: `${path}.params.${p.param}`,
        code: 'BLOCK_INPUT',
        message: t(`模块「${label['zh-CN']}」：${p.message['zh-CN']}`, `Block "${label.en}": ${p.message.en}`),
      });
    const provides: string[] = 'provides' in spec && spec.provides ? spec.provides(params) : [];
    for (const fact of provides)
      if (!read.has(fact))
        errors.push({
          path: `${path}.params.fact`,
          code: 'BLOCK_INPUT',
          message: t(
            `模块「${label['zh-CN']}」的结果「${fact}」没有被任何规则读取（如“自动校验全部通过”）`,
            `No guard reads the result "${fact}" of block "${label.en}" (e.g. “every automatic check passes”)`,
          ),
        });
  }
  return errors;
}
