import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { type PackRule, unpackRules } from '@casl/ability/extra';

import { api, call } from '../api/client';
import type { MeResponse } from '../types/contract';
import { isApiError, setCsrfToken } from './http';

export type AppAbility = MongoAbility;

type Session = { me: MeResponse; ability: AppAbility };

let current: Session | null = null;
let pending: Promise<Session | null> | null = null;

function toRawRules(rules: unknown[]): RawRuleOf<AppAbility>[] {
  if (rules.length > 0 && Array.isArray(rules[0])) {
    return unpackRules(rules as PackRule<RawRuleOf<AppAbility>>[]);
  }
  return rules as RawRuleOf<AppAbility>[];
}

async function fetchSession(): Promise<Session | null> {
  try {
    const me = await call(api.GET('/api/me'));
    setCsrfToken(me.csrfToken);
    current = { me, ability: createMongoAbility(toRawRules(me.rules ?? [])) };
    return current;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      clearSession();
      return null;
    }
    throw e;
  }
}

/** The signed-in user from GET /api/me; `refresh` asks the server again (session may have expired). */
export function loadSession(refresh = false): Promise<Session | null> {
  if (!refresh && current) return Promise.resolve(current);
  if (!pending) {
    pending = fetchSession().finally(() => {
      pending = null;
    });
  }
  return pending;
}

export function cachedSession(): Session | null {
  return current;
}

export function clearSession(): void {
  current = null;
  setCsrfToken(null);
}
