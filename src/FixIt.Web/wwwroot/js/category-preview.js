// The category page's live preview: as the questions are typed, the server renders how the report form will ask them
// (the same rendering as the "Preview the questions" button, which works without this script).
(() => {
    const form = document.querySelector('form[data-preview]');
    if (!form) {
        return;
    }

    let timer = 0;
    let latest = 0;
    const refresh = async () => {
        const ask = ++latest;
        const data = new FormData(form);
        data.delete('preview');
        try {
            const response = await fetch(form.dataset.preview, { method: 'POST', body: data, credentials: 'same-origin' });
            const current = document.getElementById('question-preview');
            if (!response.ok || ask !== latest || !current) {
                return;
            }

            const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('question-preview');
            if (fresh) {
                current.replaceWith(fresh);
            }
        } catch {
            // Offline or stopped: the button still previews.
        }
    };
    const later = () => {
        clearTimeout(timer);
        timer = setTimeout(refresh, 300);
    };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
})();
