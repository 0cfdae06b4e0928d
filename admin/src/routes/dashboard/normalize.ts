import type { MaybeLocalized } from '../../types/contract';

export type Pair = { key: string; label: MaybeLocalized; count: number };

const LABEL_KEYS = ['name', 'label', 'stateName', 'layerName', 'severityName', 'levelName', 'schoolName', 'groupName'];
const KEY_KEYS = ['key', 'id', 'layer', 'severity', 'level', 'state', 'schoolId', 'groupId', 'definitionKey'];
const COUNT_KEYS = ['count', 'value', 'total', 'used', 'score'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLocalized(v: unknown): v is MaybeLocalized {
  return typeof v === 'string' || (isRecord(v) && typeof v['zh-CN'] === 'string');
}

/**
 * Report figures arrive as `[{ layer, count }]` or as `{ physical: 3 }`: the contract names the series
 * but not their inner shape, so both read as key / label / count pairs.
 */
export function toPairs(value: unknown): Pair[] {
  if (Array.isArray(value)) {
    return value.filter(isRecord).map((row) => {
      const key = KEY_KEYS.map((k) => row[k]).find((v) => typeof v === 'string' || typeof v === 'number');
      const label = LABEL_KEYS.map((k) => row[k]).find(isLocalized);
      const count = COUNT_KEYS.map((k) => row[k]).find((v) => typeof v === 'number');
      const k = key === undefined ? (typeof label === 'string' ? label : '') : String(key);
      return { key: k, label: label ?? k, count: typeof count === 'number' ? count : 0 };
    });
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => ({ key: k, label: k, count: v as number }));
  }
  return [];
}
