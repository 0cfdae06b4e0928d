import type { NotificationProvider } from '@refinedev/core';
import { App } from 'antd';

/**
 * Refine's toasts through antd's App context: what @refinedev/antd's useNotificationProvider does for
 * the console (which never uses undoable mutations), without pulling that package — and its markdown
 * and pro-layout dependencies — into the sign-in page.
 */
export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) => {
      notification.open({
        key,
        description: message,
        message: description ?? null,
        type: type === 'progress' ? 'info' : type,
      });
    },
    close: (key) => notification.destroy(key),
  };
}
