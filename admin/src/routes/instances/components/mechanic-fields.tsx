import { Alert, Form, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { useLocalize } from '../../../components/localized-text';
import { UserPicker } from '../../../components/user-picker';
import type { AvailableEvent } from '../../../types/contract';

export const MECHANIC_TO = '__to';
export const MECHANIC_POSITION = '__position';
/** RETURN_PART's `data.userId`: whose part goes back (a form value like any field, so it travels in the event's data). */
export const PART_USER = 'userId';

/**
 * What an approval mechanic asks for: a person (转办/委派/加签), several people (抄送) or an earlier
 * step (退回). People are picked from the user directory.
 */
export function MechanicFields({
  event,
  reviewStep,
  partNames = {},
}: {
  event: AvailableEvent;
  reviewStep: boolean;
  partNames?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  switch (event.input) {
    case 'part':
      // One named school's part goes back; the others stay as they are.
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('parts.returnHint')} />
          <Form.Item
            name={PART_USER}
            label={t('parts.pickPart')}
            rules={[{ required: true, message: t('parts.pickPartPlaceholder') }]}
          >
            <Select
              placeholder={t('parts.pickPartPlaceholder')}
              data-testid="part-picker"
              options={(event.users ?? []).map((id) => ({ value: id, label: partNames[id] ?? id }))}
            />
          </Form.Item>
        </>
      );
    case 'step':
      return (
        <Form.Item
          name={MECHANIC_TO}
          label={t('mechanics.returnTo')}
          rules={[{ required: true, message: t('mechanics.pickStep') }]}
        >
          <Select
            placeholder={t('mechanics.pickStep')}
            options={(event.choices ?? []).map((c) => ({ value: c.state, label: localize(c.name) }))}
          />
        </Form.Item>
      );
    case 'users':
      return (
        <Form.Item
          name={MECHANIC_TO}
          label={t('mechanics.copyTo')}
          rules={[{ required: true, type: 'array', message: t('people.pickSeveral') }]}
        >
          <UserPicker multiple placeholder={t('people.pickSeveral')} />
        </Form.Item>
      );
    case 'user':
    case 'signer':
      return (
        <>
          <Form.Item
            name={MECHANIC_TO}
            label={t('mechanics.person')}
            rules={[{ required: true, whitespace: true, message: t('people.pickOne') }]}
          >
            <UserPicker placeholder={t('people.pickOne')} />
          </Form.Item>
          {event.input === 'signer' && (
            <Form.Item
              name={MECHANIC_POSITION}
              label={t('mechanics.position')}
              initialValue={reviewStep ? 'parallel' : 'before'}
              rules={[{ required: true }]}
            >
              <Radio.Group
                options={(reviewStep ? ['parallel'] : ['before', 'after']).map((p) => ({
                  value: p,
                  label: t(`mechanics.positions.${p}`),
                }))}
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
