import type { ColumnType, SortOrder } from 'antd/es/table/interface';
import type { Key, ReactNode } from 'react';

/**
 * A table column that also says how it reads on a phone's card: `title` is the card's heading (one column),
 * `hide` leaves it off the card (a link the card itself already is, a second date), anything else is a
 * label-and-value line in the column's order. `cardRender` draws the value differently on the card.
 */
export type ResponsiveColumn<T> = ColumnType<T> & {
  card?: 'title' | 'hide';
  cardRender?: (row: T, index: number) => ReactNode;
};

export type CardLine<T> = { key: Key; label: ReactNode; render: (row: T, index: number) => ReactNode };

// antd types dataIndex as a deep path into the row; read as plain keys here (the checker gives up on the
// deep type over a generic row).
const pathOf = (c: { dataIndex?: unknown }): Array<string | number> =>
  c.dataIndex === undefined || c.dataIndex === null
    ? []
    : Array.isArray(c.dataIndex)
      ? (c.dataIndex as Array<string | number>)
      : [c.dataIndex as string | number];

/** The value a column shows for a row, as the table would draw it. */
function cell<T>(c: ResponsiveColumn<T>) {
  const path = pathOf(c);
  return (row: T, index: number): ReactNode => {
    if (c.cardRender) return c.cardRender(row, index);
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | null)?.[k], row);
    if (c.render) return c.render(value, row, index) as ReactNode;
    return (value ?? null) as ReactNode;
  };
}

/** A card's heading and its lines, from the table's own columns: one description of a list, two layouts. */
export function cardLayout<T>(columns: ResponsiveColumn<T>[]): { title?: CardLine<T>; lines: CardLine<T>[] } {
  // What antd's table would leave out on a phone (a column `responsive` from a wider screen up) the card leaves out too.
  const shown = columns.filter((c) => !c.responsive || c.responsive.includes('xs'));
  const described = shown.map((c, i) => ({
    card: c.card,
    line: { key: c.key ?? (pathOf(c).join('.') || i), label: c.title as ReactNode, render: cell(c) },
  }));
  return {
    title: described.find(({ card }) => card === 'title')?.line,
    lines: described.filter(({ card }) => card !== 'title' && card !== 'hide').map(({ line }) => line),
  };
}

export type SortChoice = { value: string; field: string; order: Exclude<SortOrder, null>; label: string };

/** The orders a card list offers in place of clickable headers: each sortable column, both ways. */
export function sortChoices<T>(
  columns: ResponsiveColumn<T>[],
  words: { ascend: string; descend: string },
): SortChoice[] {
  return columns
    .filter((c) => c.sorter && pathOf(c).length === 1)
    .flatMap((c) =>
      (['ascend', 'descend'] as const).map((order) => ({
        value: `${pathOf(c).join('.')}:${order}`,
        field: pathOf(c).join('.'),
        order,
        label: `${String(c.title)} · ${words[order]}`,
      })),
    );
}

/** Which of those orders the columns show as current (their `sortOrder`). */
export function currentSort<T>(columns: ResponsiveColumn<T>[]): string | undefined {
  const sorted = columns.find((c) => c.sorter && c.sortOrder);
  return sorted ? `${pathOf(sorted).join('.')}:${sorted.sortOrder}` : undefined;
}

/** The columns as antd's table takes them (the card's settings removed). */
export function tableColumns<T>(columns: ResponsiveColumn<T>[]): ColumnType<T>[] {
  return columns.map((c) => {
    const plain: ResponsiveColumn<T> = { ...c };
    delete plain.card;
    delete plain.cardRender;
    return plain;
  });
}
