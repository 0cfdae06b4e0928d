import type { z } from 'zod';

import { BLOCKS, isBlockName } from './registry.js';

/** How the designer edits one block parameter. */
export type BlockParamSpec = {
  key: string;
  /** `field`/`fields`: names of the definition's form fields; `step`: a step id; `enum`/`enums`: one or several of `options`. */
  kind: 'field' | 'fields' | 'step' | 'number' | 'integer' | 'boolean' | 'enum' | 'enums' | 'text';
  options?: string[];
  required: boolean;
  default?: unknown;
};

type Prop = { type?: string; enum?: unknown[]; default?: unknown; input?: string; items?: Prop };
const isProp = (v: unknown): v is Prop => typeof v === 'object' && v !== null;

function kindOf(p: Prop): BlockParamSpec['kind'] {
  if (p.input === 'field') return 'field';
  if (p.input === 'step') return 'step';
  if (p.type === 'array') return p.items?.input === 'field' ? 'fields' : 'enums';
  if (p.enum) return 'enum';
  if (p.type === 'number') return 'number';
  if (p.type === 'integer') return 'integer';
  if (p.type === 'boolean') return 'boolean';
  return 'text';
}

/** A block's parameters as the designer renders them, read from its zod schema (JSON Schema, input side). */
export function blockParamSpecs(name: string): BlockParamSpec[] {
  if (!isBlockName(name)) return [];
  const schema = (BLOCKS[name].params as z.ZodType).toJSONSchema({ io: 'input' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(schema.properties ?? {}).flatMap(([key, p]) => {
    if (!isProp(p)) return [];
    const options = p.enum ?? p.items?.enum;
    return [
      {
        key,
        kind: kindOf(p),
        required: (schema.required ?? []).includes(key) && p.default === undefined,
        ...(options ? { options: options.map(String) } : {}),
        ...(p.default !== undefined ? { default: p.default } : {}),
      },
    ];
  });
}
