import { Button, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useIsWide } from '../../components/use-is-wide';
import { notify } from '../../lib/notify';
import { useTerritoryContext } from './LocalityNewPage';
import { PlaceForm } from './PlaceForm';

/** A new place of duty on a page of its own, with room to draw a line (a bike path). */
export function PlaceNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isWide = useIsWide();
  const { context, bounds } = useTerritoryContext();
  return (
    <>
      <PageHeader title={t('places.addTitle')} description={t('places.newDescription')} />
      <Paper withBorder radius="md" p="md">
        <PlaceForm
          context={context}
          bounds={bounds}
          mapHeight={isWide ? 420 : 320}
          onSaved={(place) => {
            notify({ tone: 'success', message: t('places.createdNotice', { name: place.name }) });
            void navigate('/places');
          }}
          cancel={
            <Button component={Link} to="/places" variant="default">
              {t('common.cancel')}
            </Button>
          }
        />
      </Paper>
    </>
  );
}
