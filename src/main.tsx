import './ui/styles.css';

// The page's code is evaluated in steps, each a task of its own (a module graph evaluates in one
// task): React's DOM renderer, then i18next with both languages, then the app. Evaluated as one
// entry, they took one task of 73–98 ms on first load here; the budget is 50 ms.
void import('react-dom/client')
  .then(() => import('./ui/i18n'))
  .then(() => import('./ui/Root'))
  .then(({ renderApp }) => renderApp(document.getElementById('root')!))
  .catch((error: unknown) => {
    console.error('CreditLab could not start', error);
    document.getElementById('root')!.textContent = 'CreditLab could not start: reload the page.';
  });
