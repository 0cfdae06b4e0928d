import type { FormItemProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/** The API keeps dates as `YYYY-MM-DD` strings; antd's DatePicker edits dayjs values. */
export const dateCell: Pick<FormItemProps, 'getValueProps' | 'normalize'> = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
};

export const DATE_FORMAT = 'YYYY-MM-DD';

/** Numbers typed into the editors; `0.15 + 0.15 + …` must not read as 0.9999999 in the weight check. */
export const sumOf = (values: Array<number | null | undefined>) =>
  Math.round(values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0) * 1e6) / 1e6;
