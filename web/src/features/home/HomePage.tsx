import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { hasPermission, useMe } from '../auth/index';
import { FieldWorkToday } from './FieldWorkToday';
import { HOME_CARDS } from './home-cards';
import { HomeCardGrid } from './HomeCardGrid';

/** Each role's starting point: a greeting and what this place will hold for them. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const role = me.user.role;
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: me.user.displayName })}
        documentTitle={t('nav.home')}
        description={t('home.roleInCity', { role: t(`roles.${role}`), city: me.tenant.name })}
      />
      <Text mb="lg" maw={720} className="wrap-anywhere">
        {t(`home.intro.${role}`)}
      </Text>
      {hasPermission(me, 'field_record:review') && hasPermission(me, 'shift:list') && <FieldWorkToday />}
      <HomeCardGrid cards={HOME_CARDS[role]} me={me} />
    </>
  );
}
