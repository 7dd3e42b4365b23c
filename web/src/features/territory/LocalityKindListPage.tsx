import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import type { LocalityKind } from '@saferhood/contracts';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../components/DialogModal';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { useIsWide } from '../../components/use-is-wide';
import { LANGUAGES, languageName } from '../../lib/i18n';
import { notify } from '../../lib/notify';
import { listLocalityKinds, LOCALITY_KINDS_QUERY_KEY } from './api';
import { LocalityKindForm } from './LocalityKindForm';
import { KindSwatch } from './LocalityTable';
import { labelOfKind, useKindLabel } from './use-localities';

type Editing = { kind?: LocalityKind } | null;

function Swatch({ color }: { color: string }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <KindSwatch color={color} />
      <Text size="sm" ff="monospace">
        {color}
      </Text>
    </Group>
  );
}

/** The city's code list of locality kinds: add one, rename one in each language, change its map colour. */
export function LocalityKindListPage() {
  const { t, i18n } = useTranslation();
  const isWide = useIsWide();
  const kinds = useQuery({ queryKey: LOCALITY_KINDS_QUERY_KEY, queryFn: listLocalityKinds });
  const kindLabel = useKindLabel(kinds.data ?? []);
  const [editing, setEditing] = useState<Editing>(null);
  const items = kinds.data ?? [];
  const editButton = (kind: LocalityKind) => (
    <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing({ kind })} aria-label={t('kinds.editNamed', { name: kindLabel(kind.code) })}>
      {t('kinds.edit')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('kinds.title')}
        description={t('kinds.description')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setEditing({})}>
            {t('kinds.add')}
          </Button>
        }
      />
      {kinds.isPending && <ListSkeleton rows={3} />}
      {kinds.isError && <ErrorAlert error={kinds.error} title={t('common.loadFailed')} onRetry={() => void kinds.refetch()} />}
      {kinds.isSuccess && items.length === 0 && <EmptyListNotice>{t('kinds.empty')}</EmptyListNotice>}
      {items.length > 0 &&
        (isWide ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="sm">
              <Table.Caption className="visually-hidden">{t('kinds.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {LANGUAGES.map((language) => (
                    <Table.Th scope="col" key={language}>
                      {languageName(language)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t('kinds.code')}</Table.Th>
                  <Table.Th scope="col">{t('kinds.color')}</Table.Th>
                  <Table.Th scope="col">{t('localities.column.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((kind) => (
                  <Table.Tr key={kind.code}>
                    {LANGUAGES.map((language) => (
                      <Table.Td key={language} lang={language} className="wrap-words">
                        {kind.labels[language] ?? '–'}
                      </Table.Td>
                    ))}
                    <Table.Td ff="monospace">{kind.code}</Table.Td>
                    <Table.Td>
                      <Swatch color={kind.color} />
                    </Table.Td>
                    <Table.Td>{editButton(kind)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('kinds.title')}>
            {items.map((kind) => (
              <Paper component="li" key={kind.code} withBorder radius="md" p="md" className="wrap-anywhere">
                <Stack gap={6}>
                  <Text fw={600}>{kindLabel(kind.code)}</Text>
                  <Stack gap={2}>
                    {LANGUAGES.map((language) => (
                      <Text key={language} size="sm">
                        <Text span c="dimmed" size="sm">
                          {languageName(language)}:
                        </Text>{' '}
                        <span lang={language}>{kind.labels[language] ?? '–'}</span>
                      </Text>
                    ))}
                  </Stack>
                  <Group gap="md">
                    <Text size="sm" ff="monospace">
                      {kind.code}
                    </Text>
                    <Swatch color={kind.color} />
                  </Group>
                  <div>{editButton(kind)}</div>
                </Stack>
              </Paper>
            ))}
          </Stack>
        ))}
      <DialogModal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.kind ? t('kinds.editTitle', { name: kindLabel(editing.kind.code) }) : t('kinds.addTitle')}>
        {editing && (
          <LocalityKindForm
            kind={editing.kind}
            onCancel={() => setEditing(null)}
            onSaved={(saved) => {
              setEditing(null);
              notify({ tone: 'success', message: t(editing.kind ? 'kinds.savedNotice' : 'kinds.createdNotice', { name: labelOfKind([saved], saved.code, i18n.language) }) });
            }}
          />
        )}
      </DialogModal>
    </>
  );
}
