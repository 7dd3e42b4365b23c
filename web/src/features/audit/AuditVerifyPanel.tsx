import { Alert, Button, Stack } from '@mantine/core';
import { IconCircleCheck, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { verifyAuditChain } from './api';

/** Re-computes the hash chain on the server: proof that no audit record was changed or removed. */
export function AuditVerifyPanel() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAuditChain });
  const result = verify.data;
  return (
    <Stack gap="sm" mb="lg">
      <div>
        <Button variant="outline" leftSection={<IconShieldCheck size={18} aria-hidden="true" />} loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify.button')}
        </Button>
      </div>
      <div aria-live="polite">
        {verify.isError && <ErrorAlert error={verify.error} />}
        {result?.ok === true && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title={t('audit.verify.okTitle')} className="wrap-anywhere">
            {t('audit.verify.okBody', { count: result.checked })}
          </Alert>
        )}
        {result?.ok === false && (
          <Alert color="red" variant="light" icon={<IconShieldX aria-hidden="true" />} title={t('audit.verify.brokenTitle')} className="wrap-anywhere">
            {t('audit.verify.brokenBody', { seq: result.firstBrokenSeq ?? '?', count: result.checked })}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
