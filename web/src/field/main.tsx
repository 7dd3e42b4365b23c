import './field.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldApp } from './app/FieldApp';
import { registerFieldServiceWorker } from './app/service-worker';

const root = document.getElementById('root');
if (!root) throw new Error('field/index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <FieldApp />
  </StrictMode>,
);
registerFieldServiceWorker();
