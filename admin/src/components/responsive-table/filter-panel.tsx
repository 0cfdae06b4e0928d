import { FilterOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Grid } from 'antd';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A filter's value counts as set unless it is empty (a cleared select, an unticked flag, an open date range). */
const isSet = (v: unknown): boolean =>
  Array.isArray(v) ? v.some(isSet) : v !== undefined && v !== null && v !== '' && v !== false;

/**
 * A list's filter bar. From antd's `md` up it is shown as it is; on a phone it would fill the first screen
 * before a single row, so it folds behind one 筛选 button that says how many filters are set. The form stays
 * mounted while folded: its values and the list's query are kept.
 */
export function FilterPanel({ form, children }: { form: FormInstance; children: ReactNode }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const id = useId();
  const active = Form.useWatch(
    (values: Record<string, unknown> | undefined) => Object.values(values ?? {}).filter(isSet).length,
    form,
  );
  if (screens.md !== false) return children;
  return (
    <>
      <Button
        block
        icon={<FilterOutlined />}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        style={{ marginBottom: 12 }}
        data-testid="filter-toggle"
      >
        {active ? t('listFilters.titleCount', { count: active }) : t('listFilters.title')}
      </Button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </>
  );
}
