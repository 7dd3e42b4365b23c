import { Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface DrawingControlsProps {
  /** What has been drawn so far, read out to screen readers as it changes. */
  status: string;
  canFinish: boolean;
  count: number;
  onFinish: () => void;
  onUndo: () => void;
  onClear: () => void;
}

/** Below a drawing map: how far the drawing is, and finish, undo and clear. */
export function DrawingControls({ status, canFinish, count, onFinish, onUndo, onClear }: DrawingControlsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" role="status" aria-live="polite">
        {status}
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconCheck size={14} aria-hidden="true" />} disabled={!canFinish} onClick={onFinish}>
          {t('boundary.finish')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden="true" />} disabled={count === 0} onClick={onUndo}>
          {t('boundary.undo')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconTrash size={14} aria-hidden="true" />} disabled={count === 0} onClick={onClear}>
          {t('boundary.clear')}
        </Button>
      </Group>
    </>
  );
}
