import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import i18n, { LANGUAGES, loadTranslations } from '../config/i18n';
import { auditActionLabel } from './audit-action-label';

const API_SRC = resolve(__dirname, '../../../api/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    // api/src/test holds the test harness and its helpers: actions written there are the tests' own.
    if (statSync(path).isDirectory()) return path === join(API_SRC, 'test') ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Every audit action the server can write: the dotted literals handed to appendAudit / deniedEvent
 * (`action: 'x.y'`) or to authorize (`auditAction: 'x.y'`), and `permission.<CASL action>` written
 * by the app's error handler for refusals raised in routes.
 */
function serverAuditActions(): string[] {
  const found = new Set<string>();
  for (const file of sources(API_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:auditAction|action):\s*'([a-z]+\.[A-Za-z.-]+)'/g)) found.add(m[1]!);
  }
  const ability = readFileSync(join(API_SRC, 'auth/ability.ts'), 'utf8');
  const casl = /export const ACTIONS = \[([^\]]+)\]/.exec(ability)?.[1] ?? '';
  for (const m of casl.matchAll(/'([a-z]+)'/g)) found.add(`permission.${m[1]}`);
  return [...found].sort();
}

describe('audit action labels', () => {
  beforeAll(() => loadTranslations('console', LANGUAGES));
  const actions = serverAuditActions();

  it('finds the server’s audit actions (the scan itself works)', () => {
    expect(actions).toEqual(
      expect.arrayContaining([
        'attachment.upload',
        'attachment.download',
        'instance.merge',
        'finding.escalate',
        'instance.event',
        'permission.read',
      ]),
    );
  });

  it.each(['zh-CN', 'en'])('every audit action has a %s label in the console', (lng) => {
    const t = i18n.getFixedT(lng);
    const missing = actions.filter((a) => {
      const label = auditActionLabel(t, a);
      return !label || label === a;
    });
    expect(missing).toEqual([]);
  });

  it('labels differ by language (no English left in zh-CN)', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(auditActionLabel(zh, 'attachment.upload')).toBe('上传附件');
    expect(auditActionLabel(i18n.getFixedT('en'), 'attachment.upload')).toBe('Uploaded a file');
    expect(auditActionLabel(zh, 'instance.merge')).toBe('合并申请');
  });
});

/**
 * Every kind of object the server's audit events name: the `entityType: 'X'` literals, the CASL subject
 * types (a refusal names the subject it was about) and the audit archive's own.
 */
function serverEntityTypes(): string[] {
  const found = new Set<string>();
  for (const file of sources(API_SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bentityType:\s*'([A-Z][A-Za-z]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/\b[A-Z_]*ENTITY_TYPE = '([A-Z][A-Za-z]+)'/g)) found.add(m[1]!);
  }
  const ability = readFileSync(join(API_SRC, 'auth/ability.ts'), 'utf8');
  const subjects = /export const SUBJECT_TYPES = \[([^\]]+)\]/.exec(ability)?.[1] ?? '';
  for (const m of subjects.matchAll(/'([A-Za-z]+)'/g)) found.add(m[1]!);
  return [...found].sort();
}

describe('audit entity labels', () => {
  beforeAll(() => loadTranslations('console', LANGUAGES));
  const types = serverEntityTypes();

  it('finds the kinds of objects the server audits (the scan itself works)', () => {
    expect(types).toEqual(expect.arrayContaining(['Instance', 'AuditArchive', 'Calendar', 'Export', 'RoleGrant']));
  });

  it.each(['zh-CN', 'en'])('every audited kind of object has a %s name in the audit log', (lng) => {
    const t = i18n.getFixedT(lng);
    expect(
      types.filter((type) => !i18n.exists(`audit.entities.${type}`, { lng }) || !t(`audit.entities.${type}`)),
    ).toEqual([]);
  });
});
