// Quizzes (src/generated/quizzes/*.md, made by `cargo run -p quizzes`). Without this script a
// quiz still works: the reader picks an option and opens "Answer". With it, Check says in the
// live region under the options whether the choice is right, and opens the answer when it is.
(function quizzes() {
    'use strict';
    for (const form of document.querySelectorAll('form.quiz-question')) {
        const button = form.querySelector('.quiz-check');
        const feedback = form.querySelector('.quiz-feedback');
        const answer = form.querySelector('details.quiz-answer');
        if (!button || !feedback) continue;
        button.hidden = false;
        const say = (text, kind) => {
            feedback.classList.remove('quiz-correct', 'quiz-wrong');
            if (kind) feedback.classList.add(kind);
            feedback.textContent = text;
        };
        form.addEventListener('submit', event => {
            event.preventDefault();
            const chosen = form.querySelector('input[type="radio"]:checked');
            if (!chosen) {
                say('Choose an answer first.', null);
            } else if (chosen.value === form.dataset.answer) {
                say('Right. The answer below says why.', 'quiz-correct');
                if (answer) answer.open = true;
            } else {
                say('Not this one. Try again, or open the answer below.', 'quiz-wrong');
            }
        });
        // A new choice clears the old verdict, so the next Check is announced afresh.
        form.addEventListener('change', () => say('', null));
    }
})();
