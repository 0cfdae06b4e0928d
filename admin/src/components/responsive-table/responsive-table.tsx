import './row-cards.css';

import { Card, Grid, List, Select, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { useRowOpen } from '../row-link';
import { cardLayout, currentSort, type ResponsiveColumn, sortChoices, tableColumns } from './columns';

type Props<T> = Omit<TableProps<T>, 'columns' | 'onRow'> & {
  columns: ResponsiveColumn<T>[];
  /** Where a row (or card) opens; its title column should hold the same link for the keyboard. */
  rowHref?: (row: T) => string;
  'data-testid'?: string;
};

/**
 * A list's rows: a table from antd's `md` (768 px) up, cards below it, both drawn from the same columns.
 * On a phone a table's columns squeeze to a character per line; a card gives each value its label and the
 * whole width. The table's sortable headers become one 排序 select above the cards.
 */
export function ResponsiveTable<T extends object>({ columns, rowHref, ...props }: Props<T>) {
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  // Undefined before the first measure: the table, as on every screen the console has known so far.
  if (screens.md !== false)
    return (
      <Table<T>
        {...props}
        columns={tableColumns(columns)}
        onRow={
          rowHref
            ? (row) => ({
                onClick: (e) => {
                  // Links, buttons and the selection checkbox act for themselves.
                  if ((e.target as HTMLElement).closest('a, button, input, label, .ant-table-selection-column')) return;
                  navigate(rowHref(row));
                },
                style: { cursor: 'pointer' },
              })
            : undefined
        }
      />
    );
  return <RowCards columns={columns} rowHref={rowHref} {...props} />;
}

function RowCards<T extends object>({
  columns,
  rowHref,
  dataSource,
  loading,
  locale,
  rowKey,
  onChange,
  'data-testid': testId,
}: Props<T>) {
  const { t } = useTranslation();
  const rowOpen = useRowOpen();
  const { title, lines } = cardLayout(columns);
  const sorts = sortChoices(columns, { ascend: t('sorting.ascend'), descend: t('sorting.descend') });
  const open = (row: T) => (rowHref ? rowOpen(rowHref(row)) : undefined);
  const keyOf = (row: T, i: number): React.Key =>
    typeof rowKey === 'function' ? rowKey(row, i) : ((row as Record<string, React.Key>)[rowKey ?? 'key'] ?? i);
  return (
    <div data-testid={testId} data-layout="cards">
      {sorts.length > 0 && (
        <Select
          aria-label={t('sorting.sortBy')}
          prefix={t('sorting.sortBy')}
          value={currentSort(columns)}
          placeholder={t('sorting.sortBy')}
          options={sorts.map(({ value, label }) => ({ value, label }))}
          onChange={(value: string) => {
            const choice = sorts.find((s) => s.value === value);
            if (choice)
              onChange?.(
                {},
                {},
                { field: choice.field, columnKey: choice.field, order: choice.order },
                { action: 'sort', currentDataSource: [] },
              );
          }}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="card-sort"
        />
      )}
      <List<T>
        loading={typeof loading === 'boolean' ? loading : undefined}
        dataSource={[...(dataSource ?? [])]}
        locale={{ emptyText: locale?.emptyText as ReactNode }}
        split={false}
        renderItem={(row, i) => (
          <List.Item key={keyOf(row, i)} style={{ padding: '0 0 12px' }}>
            <Card
              size="small"
              style={{ width: '100%', cursor: rowHref ? 'pointer' : undefined }}
              styles={{ body: { padding: 12 } }}
              data-testid="row-card"
              onClick={open(row)?.onClick}
            >
              {title && <div style={{ marginBottom: 8, fontSize: 15 }}>{title.render(row, i)}</div>}
              <dl className="row-card-lines">
                {lines.map((line) => {
                  const value = line.render(row, i);
                  // Nothing to say (no action left on a read notice): no line, rather than a label over nothing.
                  if (value === null || value === undefined || value === false || value === '') return null;
                  return (
                    <div key={line.key}>
                      <dt>{line.label}</dt>
                      <dd>{value}</dd>
                    </div>
                  );
                })}
              </dl>
            </Card>
          </List.Item>
        )}
      />
    </div>
  );
}
