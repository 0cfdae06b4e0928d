import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { DataRef } from '../../../types/contract';

/**
 * The ids a value holds when every one of them is a known reference (a school, a person, another
 * request), else null and the value renders by its field type as before. All-or-nothing on purpose:
 * a free-text field that happens to hold one id is not half-turned into a link.
 */
export function refIdsOf(value: unknown, refs: Record<string, DataRef> | undefined): string[] | null {
  if (!refs) return null;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string' && v in refs)) return null;
  return list as string[];
}

/** Names for ids: schools and people as tags, another request as a link to it by its title. */
export function RefValue({ ids, refs }: { ids: string[]; refs: Record<string, DataRef> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {ids.map((id) => {
        const ref = refs[id];
        if (ref?.kind === 'instance') {
          return ref.name === null ? (
            <Typography.Text key={id} type="secondary">
              {t('instanceRefs.hiddenRequest')}
            </Typography.Text>
          ) : (
            <Link key={id} to={`/instances/${id}`}>
              {ref.name || t('instanceRefs.untitled')}
            </Link>
          );
        }
        return <Tag key={id}>{ref?.name ?? t('instanceRefs.hiddenPerson')}</Tag>;
      })}
    </Space>
  );
}
