"""Turns that give the floor: short, asking nothing but for the next question, and saying so."""

from __future__ import annotations

import pytest

from tuireader.parse.roles import gives_floor


@pytest.mark.parametrize(
    "text",
    [
        "Next question.",
        "Thank you. The gentlelady from California.",
        "Kevin, welcome. What's your question?",
        "Thank you. Colleagues, do you have more questions? Please, Sector 5.",
        "Colleagues, who is next?",
        "Are there any more questions?",
        "Could you make your question shorter?",
        "I want you to meet Joan Roe from Racine. She teaches music at the high school there.",
        "I want to introduce you to Rob Roe, an engineer. Rob, welcome.",
        "This is Jane Doe, a nurse from the county hospital. Jane, welcome.",
        "And on that note, please join me in thanking our participants today.",
        "That's all the time we have. Thank you.",
        "Mr. Chairman, I yield the floor.",
        "The floor is yours.",
        "Justice Doe.",
        "So we got a lot of questions in the audience. We have about fifty people here. Before "
        "we get to that, I just want to start with a couple of big-picture questions.",
        "Thank you, Mr. Roe. General Doe. ORAL ARGUMENT OF JANE DOE",
        "Mrs. Roe, I believe you are number one this morning.",
        "All right, you're next.",
    ],
)
def test_gives_the_floor(text: str) -> None:
    assert gives_floor(text)


@pytest.mark.parametrize(
    "text",
    [
        "— ashes on the floor.  (Laughs.)",
        "I was on the Floor, and I missed the vote.",
        "Kevin, what is your question about the budget?",
        "What's your question? And why now?",
        "I'd like to introduce legislation on that next year.",
        "Thank you for joining us. What do you make of the report?",
        "I asked him, and he said he would think about it for a while. Senator Doe.",
        "We had many questions in the audience last year. We answered all of them.",
        "If the vote fails, you are up to your neck in trouble.",
    ],
)
def test_does_not_give_the_floor(text: str) -> None:
    assert not gives_floor(text)
