import { Badge, Card, Group, Image, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { FieldRecord } from '@saferhood/contracts';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/index';
import { photoUrl } from '../api';
import { CategoryIcon } from '../category-icon';
import { useCategories, useLocalityNames } from '../use-field-lookups';

/** "Kontrola u přechodu, 3. 8. 2026 7:45": how a record is named to screen readers and in buttons. */
export function useRecordName() {
  const { i18n } = useTranslation();
  const me = useMe();
  const { categoryOf } = useCategories();
  return (record: FieldRecord) => `${categoryOf(record.category).label}, ${formatDateTime(record.occurredAt, i18n.language, me.tenant.timeZone)}`;
}

const STATUS_COLOR = { submitted: 'blue', approved: 'green', returned: 'orange' } as const;

/** One field record as the office sees it: what, when, where, how many, the note and the photo. */
export function FieldRecordCard({ record, showAssistant = false, children }: { record: FieldRecord; showAssistant?: boolean; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { categoryOf } = useCategories();
  const localities = useLocalityNames();
  const category = categoryOf(record.category);
  const localityName = record.localityId ? (localities.nameOf(record.localityId) ?? t('fieldWork.record.unknownLocality')) : t('fieldWork.record.outsideLocalities');
  const headingId = `record-${record.id}`;

  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId} className="wrap-anywhere" style={record.urgent ? { borderLeft: '4px solid var(--mantine-color-red-8)' } : undefined}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">
            <CategoryIcon icon={category.icon} />
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} fz="h4" id={headingId}>
              {category.label}
            </Title>
            <Text size="sm" c="dimmed">
              {formatDateTime(record.occurredAt, i18n.language, me.tenant.timeZone)}
              {showAssistant && ` · ${record.assistantName}`}
            </Text>
            <Group gap={4}>
              {record.urgent && (
                <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
                  {t('fieldWork.record.urgent')}
                </Badge>
              )}
              <Badge color={STATUS_COLOR[record.status]} variant="light" leftSection={record.status === 'approved' ? <IconLock size={12} aria-hidden="true" /> : undefined}>
                {t(`fieldWork.record.status.${record.status}`)}
              </Badge>
            </Group>
          </Stack>
        </Group>
        <Group gap="lg" align="flex-start" wrap="wrap">
          <Stack gap={4} style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Text size="sm">
              <Text span fw={600}>{t('fieldWork.record.locality')}: </Text>
              {localityName}
            </Text>
            {record.peopleCount !== null && (
              <Text size="sm">
                <Text span fw={600}>{t('fieldWork.record.peopleCount')}: </Text>
                {record.peopleCount}
              </Text>
            )}
            {record.signal && (
              <Text size="sm">
                <Text span fw={600}>{t('fieldWork.signals.kind')}: </Text>
                {t(`fieldWork.signals.kinds.${record.signal.kind}`)} · {t(`fieldWork.signals.contacts.${record.signal.contact}`)}
              </Text>
            )}
            {record.note ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{record.note}</Text> : <Text size="sm" c="dimmed">{t('fieldWork.record.noNote')}</Text>}
            {record.status === 'returned' && record.reviewComment && (
              <Text size="sm">
                <Text span fw={600}>{t('fieldWork.record.returnComment')}: </Text>
                {record.reviewComment}
              </Text>
            )}
            {record.amendments > 0 && <Text size="sm" c="dimmed">{t('fieldWork.record.amendedTimes', { count: record.amendments })}</Text>}
          </Stack>
          {record.hasPhoto && (
            <a href={photoUrl(record.id)} target="_blank" rel="noreferrer">
              <Image src={photoUrl(record.id)} alt={t('fieldWork.record.photoAlt', { name: category.label })} w={120} h={90} fit="cover" radius="sm" loading="lazy" />
            </a>
          )}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
