// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('button.copy[data-copy-target]').forEach((button) => {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const target = document.getElementById(button.dataset.copyTarget);
      if (!target) return;
      const label = button.textContent;
      try {
        await navigator.clipboard.writeText(target.textContent);
        button.textContent = 'Copied';
      } catch (e) {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => { button.textContent = label; }, 1500);
    });
  });
});
