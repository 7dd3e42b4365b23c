import { Alert, Box, Button, Container, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { loginRequestSchema, type LoginRequest } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageMenu } from '../../components/LanguageMenu';
import { ProductMark } from '../../components/ProductMark';
import { describeError, fieldErrorsOf } from '../../lib/error-message';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { switchLanguage } from '../../lib/i18n';
import { usePageTitle } from '../../lib/use-page-title';
import { signIn } from './api';
import { applySession, useSession } from './session';
import { readRememberedTenant, rememberTenant } from './tenant-memory';

/** Only same-site paths: `next` must not send anyone elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNext(searchParams.get('next'));
  const { data: me } = useSession();
  const [values, setValues] = useState<LoginRequest>({ tenant: readRememberedTenant(), email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldMessages>({});

  const signInMutation = useMutation({
    mutationFn: signIn,
    onSuccess: (signedIn, request) => {
      rememberTenant(request.tenant);
      applySession(queryClient, signedIn);
      void navigate(next, { replace: true });
    },
    onError: (error) => {
      setFieldErrors(fieldErrorsOf(error));
      setValues((current) => ({ ...current, password: '' }));
    },
  });

  if (me) return <Navigate to={next} replace />;

  const setField = (field: keyof LoginRequest) => (event: ChangeEvent<HTMLInputElement>) => {
    // Read now: React clears currentTarget before a state updater runs.
    const { value } = event.currentTarget;
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateForm(loginRequestSchema, values, t);
    setFieldErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) signInMutation.mutate(checked.value);
    // A refusal from the last attempt no longer applies to what is on screen now.
    else signInMutation.reset();
  };

  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between" wrap="nowrap">
          <ProductMark />
          <LanguageMenu onSelect={switchLanguage} />
        </Group>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size={440} px="md" py="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2" className="wrap-anywhere">
                {t('signIn.title')}
              </Title>
              <Text c="dimmed" mt={4} className="wrap-anywhere">
                {t('signIn.intro')}
              </Text>
            </div>
            {signInMutation.isError && (
              <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} className="wrap-anywhere">
                {describeError(t, signInMutation.error)}
              </Alert>
            )}
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('signIn.tenant')}
                  description={t('signIn.tenantHint')}
                  value={values.tenant}
                  onChange={setField('tenant')}
                  error={fieldErrors.tenant}
                  autoComplete="organization"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  withAsterisk={false}
                />
                <TextInput
                  label={t('signIn.email')}
                  type="email"
                  inputMode="email"
                  value={values.email}
                  onChange={setField('email')}
                  error={fieldErrors.email}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  withAsterisk={false}
                />
                <PasswordInput
                  label={t('signIn.password')}
                  value={values.password}
                  onChange={setField('password')}
                  error={fieldErrors.password}
                  autoComplete="current-password"
                  visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
                  required
                  withAsterisk={false}
                />
                <Button type="submit" fullWidth loading={signInMutation.isPending}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Container>
    </Box>
  );
}
