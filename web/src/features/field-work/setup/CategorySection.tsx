import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { FieldRecordCategory } from '@saferhood/contracts';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../../components/DialogModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { CategoryIcon } from '../category-icon';
import { useCategories } from '../use-field-lookups';
import { CategoryForm } from './CategoryForm';

/** The city's categories of field records; switched off ones stay (records refer to them), marked. */
export function CategorySection() {
  const { t } = useTranslation();
  const { query, categories } = useCategories();
  const [editing, setEditing] = useState<FieldRecordCategory | 'new' | null>(null);
  return (
    <Stack component="section" gap="md" aria-labelledby="setup-categories">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h3" id="setup-categories">
          {t('fieldWork.categories.title')}
        </Title>
        <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
          {t('fieldWork.categories.new')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" maw={720}>
        {t('fieldWork.categories.description')}
      </Text>
      {query.isPending && <ListSkeleton rows={4} />}
      {query.isError && <ErrorAlert error={query.error} title={t('common.loadFailed')} onRetry={() => void query.refetch()} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {categories.map((category) => (
          <Card key={category.code} withBorder padding="sm" radius="md" className="wrap-anywhere" opacity={category.active ? 1 : 0.85}>
            <Stack gap={6}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" size="lg" radius="md" color={category.active ? 'blue' : 'gray'} aria-hidden="true">
                  <CategoryIcon icon={category.icon} />
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text fw={600}>{category.label}</Text>
                  <Text size="xs" c="dimmed">
                    {category.code}
                  </Text>
                </div>
              </Group>
              <Group gap={4}>
                {!category.active && <Badge color="gray" variant="outline">{t('fieldWork.categories.inactive')}</Badge>}
                {category.sensitivity === 'restricted' && <Badge color="grape.8" variant="dot" c="dark.9">{t('fieldWork.categories.restrictedShort')}</Badge>}
                {category.alert !== 'none' && <Badge color="red" variant="light">{t(`fieldWork.categories.alertsShort.${category.alert}`)}</Badge>}
              </Group>
              <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(category)} aria-label={t('fieldWork.categories.editNamed', { name: category.label })} style={{ alignSelf: 'flex-start' }}>
                {t('fieldWork.categories.edit')}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <DialogModal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('fieldWork.categories.new') : t('fieldWork.categories.editTitle')}>
        {editing && <CategoryForm key={editing === 'new' ? 'new' : editing.code} category={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />}
      </DialogModal>
    </Stack>
  );
}
