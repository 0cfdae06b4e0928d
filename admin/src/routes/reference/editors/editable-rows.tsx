import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormItemProps } from 'antd';
import { Button, Form, Space, Table, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One editable cell: where in the row it lives, how it is typed and checked. */
export type RowColumn = {
  key: string;
  title: ReactNode;
  /** Path inside the row, e.g. `['window', 'from']`. */
  path: Array<string | number>;
  input: ReactNode;
  width?: number;
  required?: boolean;
  /** Keeps the column in view while a wide row scrolls sideways (a row's code and name). */
  fixed?: 'left';
} & Pick<FormItemProps, 'rules' | 'valuePropName' | 'getValueProps' | 'normalize'>;

type ListOps = {
  add: (row: Record<string, unknown>, index?: number) => void;
  remove: (index: number) => void;
  move: (from: number, to: number) => void;
};
type RowsProps = {
  columns: RowColumn[];
  newRow: () => Record<string, unknown>;
  addLabel: string;
  testId: string;
  minRows?: number;
};

/**
 * A Form.List laid out as a table: one row per entry, one Form.Item per cell (so a field path such as
 * `content.items.3.window.from` lands on that row's cell), with move up/down, delete and add.
 * Every row stays mounted (no pagination) so client and server checks reach every cell.
 */
export function EditableRows({ name, ...rest }: RowsProps & { name: string | Array<string | number> }) {
  return (
    <Form.List name={name}>
      {(fields, ops, { errors }) => (
        <>
          <RowsTable {...rest} fields={fields} all={fields.length} ops={ops} />
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/**
 * The table of some rows of one Form.List (`fields` may be a subset: the checklist shows one layer per
 * table over a single list); moving swaps a row with its neighbour among the rows shown, and a new row
 * goes right after the last row shown, so the document keeps its rows in the order the tables show.
 */
export function RowsTable({
  fields,
  all,
  ops,
  columns,
  newRow,
  addLabel,
  testId,
  minRows = 0,
}: RowsProps & { fields: Array<{ key: number; name: number }>; all: number; ops: ListOps }) {
  const { t } = useTranslation();
  const neighbour = (index: number, step: -1 | 1) => fields[fields.findIndex((f) => f.name === index) + step]?.name;
  return (
    <div data-testid={testId}>
      <Table
        size="small"
        bordered
        rowKey="key"
        dataSource={fields}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('refedit.noRows') }}
        columns={[
          {
            key: '#',
            title: '#',
            width: 44,
            fixed: columns.some((c) => c.fixed) ? ('left' as const) : undefined,
            render: (_: unknown, f: { name: number }) => f.name + 1,
          },
          ...columns.map((c) => ({
            key: c.key,
            title: c.required ? (
              <>
                <span style={{ color: '#ff4d4f', marginInlineEnd: 4 }} aria-hidden>
                  *
                </span>
                {c.title}
              </>
            ) : (
              c.title
            ),
            width: c.width,
            fixed: c.fixed,
            render: (_: unknown, f: { name: number }) => (
              <Form.Item
                name={[f.name, ...c.path]}
                rules={
                  c.rules ??
                  (c.required ? [{ required: true, whitespace: true, message: t('refedit.required') }] : undefined)
                }
                valuePropName={c.valuePropName}
                getValueProps={c.getValueProps}
                normalize={c.normalize}
                style={{ marginBottom: 0 }}
              >
                {c.input}
              </Form.Item>
            ),
          })),
          {
            key: 'actions',
            title: t('refedit.actions'),
            width: 112,
            fixed: 'right' as const,
            render: (_: unknown, f: { name: number }) => {
              const up = neighbour(f.name, -1);
              const down = neighbour(f.name, 1);
              return (
                <Space size={0}>
                  <Tooltip title={t('refedit.moveUp')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={t('refedit.moveUp')}
                      disabled={up === undefined}
                      onClick={() => up !== undefined && ops.move(f.name, up)}
                    />
                  </Tooltip>
                  <Tooltip title={t('refedit.moveDown')}>
                    <Button
                      type="text"
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={t('refedit.moveDown')}
                      disabled={down === undefined}
                      onClick={() => down !== undefined && ops.move(f.name, down)}
                    />
                  </Tooltip>
                  <Tooltip title={t('refedit.remove')}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('refedit.remove')}
                      disabled={all <= minRows}
                      onClick={() => ops.remove(f.name)}
                    />
                  </Tooltip>
                </Space>
              );
            },
          },
        ]}
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() => ops.add(newRow(), fields.length ? fields[fields.length - 1].name + 1 : undefined)}
        data-testid={`${testId}-add`}
      >
        {addLabel}
      </Button>
    </div>
  );
}
