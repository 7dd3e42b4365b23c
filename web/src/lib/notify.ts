import { notifications } from '@mantine/notifications';
import { i18n } from './i18n';

/** A short message in the corner, with a close button screen readers can name. */
export function notify(options: { message: string; title?: string; tone: 'success' | 'error' }): void {
  notifications.show({
    message: options.message,
    title: options.title,
    color: options.tone === 'success' ? 'green' : 'red',
    autoClose: options.tone === 'success' ? 4000 : 8000,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
