import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: 'md' | 'lg' | 'xl';
  children: ReactNode;
}

/** A modal dialog with a named close button; full screen on a phone, where a floating box has no room. */
export function DialogModal({ opened, onClose, title, size = 'md', children }: DialogModalProps) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={isPhone} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {children}
    </Modal>
  );
}
