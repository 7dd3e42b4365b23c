import { NavLink, Paper, Text } from '@mantine/core';
import type { Indicator } from '@saferhood/contracts';
import { IconChartLine } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface IndicatorNavListProps {
  indicators: readonly Indicator[];
  selectedId: string;
  onSelect: (id: string) => void;
}

/** The indicators beside the values on a wide screen; the chosen one is marked as current. */
export function IndicatorNavList({ indicators, selectedId, onSelect }: IndicatorNavListProps) {
  const { t } = useTranslation();
  return (
    <Paper component="nav" withBorder radius="md" p={4} aria-label={t('indicators.listLabel')}>
      {indicators.map((indicator) => (
        <NavLink
          key={indicator.id}
          component="button"
          type="button"
          label={<span className="wrap-anywhere">{indicator.name}</span>}
          description={
            <Text span size="xs" c="dimmed">
              {indicator.unit}
            </Text>
          }
          leftSection={<IconChartLine size={18} aria-hidden="true" />}
          active={indicator.id === selectedId}
          aria-current={indicator.id === selectedId ? 'true' : undefined}
          onClick={() => onSelect(indicator.id)}
        />
      ))}
    </Paper>
  );
}
