import type { FormItemProps } from 'antd';

/** The API's flags are `=1` or absent: a ticked box sends '1', an unticked one drops the filter. */
export const flagItem: Pick<FormItemProps, 'valuePropName' | 'getValueFromEvent' | 'getValueProps'> = {
  getValueProps: (v: unknown) => ({ checked: v === '1' || v === true }),
  getValueFromEvent: (e: { target: { checked: boolean } }) => (e.target.checked ? '1' : undefined),
};
