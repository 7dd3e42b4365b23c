import { FileInput, type FileInputProps } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The file field of every import: an upload icon, a "choose a file" placeholder, a labelled clear button. */
export function UploadFileInput(props: FileInputProps<false>) {
  const { t } = useTranslation();
  return (
    <FileInput
      placeholder={t('import.choose')}
      leftSection={<IconUpload size={16} aria-hidden="true" />}
      clearable
      clearButtonProps={{ 'aria-label': t('import.clearFile') }}
      {...props}
    />
  );
}
