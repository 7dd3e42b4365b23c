import { useTranslation } from 'react-i18next';

/** MapLibre's own words (zoom buttons, popup close, the canvas's name) in the reader's language. */
export function useMapUiStrings(): Record<string, string> {
  const { t } = useTranslation();
  return {
    'Map.Title': t('map.canvas'),
    'NavigationControl.ZoomIn': t('map.zoomIn'),
    'NavigationControl.ZoomOut': t('map.zoomOut'),
    'NavigationControl.ResetBearing': t('map.resetBearing'),
    'Popup.Close': t('common.close'),
    'AttributionControl.ToggleAttribution': t('map.attribution'),
    'CooperativeGesturesHandler.WindowsHelpText': t('map.gestures.windows'),
    'CooperativeGesturesHandler.MacHelpText': t('map.gestures.mac'),
    'CooperativeGesturesHandler.MobileHelpText': t('map.gestures.mobile'),
  };
}
