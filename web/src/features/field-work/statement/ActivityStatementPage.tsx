import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { PageHeader } from '../../../components/PageHeader';
import { LANGUAGES, languageName } from '../../../lib/i18n';
import { useMe } from '../../auth/index';
import { activityStatementUrl, FIELD_WORK_QUERY_KEY, getActivityStatement } from '../api';
import { formatMonth, listMonths, shiftMonth, todayIn } from '../field-time';
import { StatementTables } from './StatementTables';

const PROGRAMME = 'programme';

/** The monthly activity statement of one assistant or the whole programme, shown and downloadable. */
export function ActivityStatementPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const thisMonth = todayIn(me.tenant.timeZone).slice(0, 7);
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? thisMonth;
  const who = params.get('who') ?? PROGRAMME;
  const fileLanguage = params.get('lang') && LANGUAGES.includes(params.get('lang')!) ? params.get('lang')! : i18n.language;
  const assistantId = who === PROGRAMME ? undefined : who;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  // The programme's statement names every assistant who worked that month: the choice of whose statement.
  const programme = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'statement', month, PROGRAMME, i18n.language], queryFn: () => getActivityStatement({ month }) });
  const personal = useQuery({
    queryKey: [...FIELD_WORK_QUERY_KEY, 'statement', month, assistantId, i18n.language],
    queryFn: () => getActivityStatement({ month, assistantId }),
    enabled: assistantId !== undefined,
  });
  const statement = assistantId ? personal : programme;
  const months = listMonths(shiftMonth(thisMonth, -23), thisMonth).reverse();
  const people = programme.data?.assistants ?? [];
  const period = formatMonth(month, i18n.language);
  const subject = statement.data?.assistant?.name ?? t('fieldWork.statement.programme');
  const download = (format: 'xlsx' | 'pdf') => activityStatementUrl({ month, assistantId, format, lang: fileLanguage });

  return (
    <>
      <PageHeader title={t('fieldWork.statement.title')} description={t('fieldWork.statement.description', { city: me.tenant.name })} />
      <Stack gap="lg">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect label={t('fieldWork.statement.month')} value={month} onChange={(event) => set('month', event.currentTarget.value)} data={months.map((value) => ({ value, label: formatMonth(value, i18n.language) }))} miw={200} />
          <NativeSelect
            label={t('fieldWork.statement.whose')}
            value={who}
            onChange={(event) => set('who', event.currentTarget.value)}
            data={[{ value: PROGRAMME, label: t('fieldWork.statement.programme') }, ...people.map((person) => ({ value: person.id, label: person.name })), ...(assistantId && !people.some((person) => person.id === assistantId) ? [{ value: assistantId, label: subject }] : [])]}
            miw={240}
          />
        </Group>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {t('fieldWork.statement.download')}
            </Title>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <NativeSelect label={t('fieldWork.statement.fileLanguage')} value={fileLanguage} onChange={(event) => set('lang', event.currentTarget.value)} data={LANGUAGES.map((language) => ({ value: language, label: languageName(language) }))} miw={180} />
              <Button component="a" href={download('xlsx')} download leftSection={<IconFileSpreadsheet size={18} aria-hidden="true" />} aria-label={t('fieldWork.statement.downloadNamed', { format: 'XLSX', subject, period, language: languageName(fileLanguage) })}>
                {t('fieldWork.statement.downloadXlsx')}
              </Button>
              <Button component="a" href={download('pdf')} download variant="light" leftSection={<IconFileTypePdf size={18} aria-hidden="true" />} aria-label={t('fieldWork.statement.downloadNamed', { format: 'PDF', subject, period, language: languageName(fileLanguage) })}>
                {t('fieldWork.statement.downloadPdf')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        {statement.isPending && <ListSkeleton rows={4} />}
        {statement.isError && <ErrorAlert error={statement.error} title={t('common.loadFailed')} onRetry={() => void statement.refetch()} />}
        {statement.data && (
          <Stack gap="md">
            <Title order={2} fz="h3">
              {t('fieldWork.statement.heading', { subject, period })}
            </Title>
            {statement.data.records === 0 && statement.data.shifts.count === 0 && <Text c="dimmed">{t('fieldWork.statement.empty')}</Text>}
            <StatementTables statement={statement.data} period={period} />
          </Stack>
        )}
      </Stack>
    </>
  );
}
