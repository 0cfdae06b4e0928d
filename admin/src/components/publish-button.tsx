import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { cachedSession } from '../providers/session';
import type { DraftReview, Person } from '../types/contract';

/**
 * 四眼原则 as the API applies it: whoever created or saved a draft may not publish it. `unsaved`: the
 * signed-in user has local edits, which saving would make theirs. The server decides; this only explains.
 */
export function useFourEyes(editors: Person[] | undefined, unsaved = false) {
  const { t } = useTranslation();
  const me = cachedSession()?.me.user.id;
  const names = (editors ?? []).map((p) => p.displayName).join(t('fourEyes.separator')) || t('fourEyes.noEditors');
  const edited = !!me && (editors ?? []).some((p) => p.id === me);
  const reason = edited ? t('fourEyes.blocked') : unsaved ? t('fourEyes.blockedUnsaved') : null;
  return { blocked: reason !== null, reason, names };
}

/** Who edited a draft and, once published, who approved it: one line for a page header. */
export function DraftReviewText({ review }: { review: DraftReview }) {
  const { t } = useTranslation();
  const { names } = useFourEyes(review.editors);
  return (
    <Typography.Text type="secondary" data-testid="draft-review">
      {t('fourEyes.editors', { names })}
      {review.publishedBy && ` · ${t('fourEyes.publishedBy', { name: review.publishedBy.displayName })}`}
    </Typography.Text>
  );
}

/** Inline, beside the disabled button (the page names the editors with DraftReviewText): why this user cannot publish the draft and who can. */
export function FourEyesNote({ editors, unsaved }: { editors: Person[]; unsaved?: boolean }) {
  const { t } = useTranslation();
  const fourEyes = useFourEyes(editors, unsaved);
  if (!fourEyes.blocked) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="four-eyes-note"
      message={fourEyes.reason}
      description={t('fourEyes.whoMay')}
    />
  );
}

/**
 * 发布 for a draft's editor (disabled, the reason on hover and in FourEyesNote), 审核并发布 for anyone
 * else allowed to publish; publishing is irreversible, so it asks first and names the editors.
 */
export function PublishButton({
  name,
  editors,
  unsaved,
  disabled,
  size,
  testId,
  prepare,
  onPublish,
}: {
  name: string;
  editors: Person[];
  unsaved?: boolean;
  /** Another reason not to publish yet (the draft does not validate). */
  disabled?: boolean;
  size?: 'small' | 'middle';
  testId: string;
  /** What else the confirmation must say (a definition's dropped blocks, stranded instances); `risky` asks for an explicit yes. */
  prepare?: () => Promise<{ extra: ReactNode; risky: boolean }>;
  /** Resolves when done (errors handled by the caller): the dialog's OK button spins until then. */
  onPublish: (risky: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const fourEyes = useFourEyes(editors, unsaved);
  const confirm = async () => {
    const more = prepare ? await prepare().catch(() => null) : null;
    modal.confirm({
      title: t('fourEyes.confirmTitle', { name }),
      width: more?.extra ? 560 : undefined,
      content: (
        <div data-testid="publish-confirm">
          <Typography.Paragraph>{t('fourEyes.confirmEditors', { names: fourEyes.names })}</Typography.Paragraph>
          <Typography.Paragraph type="warning" style={{ marginBottom: more?.extra ? 8 : 0 }}>
            {t('fourEyes.confirmIrreversible')}
          </Typography.Paragraph>
          {more?.extra}
        </div>
      ),
      okText: more?.risky ? t('fourEyes.approveAnyway') : t('fourEyes.approve'),
      okButtonProps: { danger: !!more?.risky, ...{ 'data-testid': 'publish-confirm-ok' } },
      cancelText: t('fourEyes.cancel'),
      onOk: () => onPublish(!!more?.risky),
    });
  };
  const button = (
    <Button
      type="primary"
      size={size}
      icon={<CloudUploadOutlined />}
      disabled={disabled || fourEyes.blocked}
      onClick={() => void confirm()}
      data-testid={testId}
    >
      {fourEyes.blocked ? t('fourEyes.publish') : t('fourEyes.approve')}
    </Button>
  );
  if (!fourEyes.blocked) return button;
  return (
    <Tooltip
      title={
        <span data-testid="four-eyes-tooltip">
          {fourEyes.reason}
          <br />
          {t('fourEyes.whoMay')}
        </span>
      }
    >
      {button}
    </Tooltip>
  );
}
