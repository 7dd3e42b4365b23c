import { Badge, Button, SimpleGrid } from '@mantine/core';
import type { Me } from '@saferhood/contracts';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyStateCard } from '../../components/EmptyStateCard';
import { hasPermission } from '../auth/index';
import type { HomeCard } from './home-cards';

export function HomeCardGrid({ cards, me }: { cards: readonly HomeCard[]; me: Me }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {cards.map((card) => {
        const link = card.link && hasPermission(me, card.link.permission) ? card.link : undefined;
        const text = card.textKey ?? `home.cards.${card.id}`;
        return (
          <EmptyStateCard
            key={card.id}
            icon={<card.icon size={20} />}
            title={t(`${text}.title`)}
            body={t(`${text}.body`)}
            footer={
              link ? (
                <Button component={Link} to={link.to} variant="light" rightSection={<IconArrowRight size={16} aria-hidden="true" />} style={{ alignSelf: 'flex-start' }}>
                  {t(`${text}.action`)}
                </Button>
              ) : (
                <Badge variant="outline" color="gray" style={{ alignSelf: 'flex-start' }}>
                  {t('home.comingSoon')}
                </Badge>
              )
            }
          />
        );
      })}
    </SimpleGrid>
  );
}
