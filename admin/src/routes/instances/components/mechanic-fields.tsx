import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '../../../components/localized-text';
import type { AvailableEvent } from '../../../types/contract';

export const MECHANIC_TO = '__to';
export const MECHANIC_POSITION = '__position';

/**
 * What an approval mechanic asks for: a person (转办/委派/加签), several people (抄送) or an earlier
 * step (退回). People are entered by user id until the API offers a user directory to pick from.
 */
export function MechanicFields({ event, reviewStep }: { event: AvailableEvent; reviewStep: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  switch (event.input) {
    case 'step':
      return (
        <Form.Item name={MECHANIC_TO} label={t('mechanics.returnTo')} rules={[{ required: true, message: t('mechanics.pickStep') }]}>
          <Select placeholder={t('mechanics.pickStep')} options={(event.choices ?? []).map((c) => ({ value: c.state, label: localize(c.name) }))} />
        </Form.Item>
      );
    case 'users':
      return (
        <Form.Item name={MECHANIC_TO} label={t('mechanics.copyTo')} extra={t('mechanics.userIdHint')} rules={[{ required: true, type: 'array', message: t('mechanics.pickUsers') }]}>
          <Select mode="tags" open={false} placeholder={t('mechanics.pickUsers')} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
      );
    case 'user':
    case 'signer':
      return (
        <>
          <Form.Item name={MECHANIC_TO} label={t('mechanics.person')} extra={t('mechanics.userIdHint')} rules={[{ required: true, whitespace: true, message: t('mechanics.pickUser') }]}>
            <Input placeholder={t('mechanics.pickUser')} />
          </Form.Item>
          {event.input === 'signer' && (
            <Form.Item name={MECHANIC_POSITION} label={t('mechanics.position')} initialValue={reviewStep ? 'parallel' : 'before'} rules={[{ required: true }]}>
              <Radio.Group
                options={(reviewStep ? ['parallel'] : ['before', 'after']).map((p) => ({ value: p, label: t(`mechanics.positions.${p}`) }))}
                optionType="button"
              />
            </Form.Item>
          )}
        </>
      );
    default:
      return null;
  }
}
