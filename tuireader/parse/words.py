"""Word lists the label and role rules share: role words, field words, joining words.

They name roles and kinds of lines (``Question``, ``Moderator``, ``Note``), never a person or a
document: detection must work on transcripts nobody here has seen.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Labels that say the speaker asks (compared with the label's key: lower case, no parenthesis).
ASK_ROLES = frozenset(
    {
        "q",
        "question",
        "questions",
        "interviewer",
        "journalist",
        "reporter",
        "host",
        "presenter",
        "anchor",
        "correspondent",
        "audience",
        "audience member",
        "audience question",
        "interviewer question",
        "follow-up question",
        "follow-up",
        "remark",
        "member of the audience",
        "participant",
        # The same roles in the languages transcripts are often published in.
        "frage",
        "fragesteller",
        "journalistin",
        "pregunta",
        "periodista",
        "entrevistador",
        "entrevistadora",
        "domanda",
        "giornalista",
        "pergunta",
        "jornalista",
        "journaliste",
        "intervieweur",
        "вопрос",
        "журналист",
        "реплика",
        "ведущий",
    }
)
ANSWER_ROLES = frozenset(
    {
        "a",
        "answer",
        "interviewee",
        "guest",
        "respondent",
        "reply",
        "response",
        "the witness",
        "antwort",
        "respuesta",
        "risposta",
        "resposta",
        "réponse",
        "ответ",
    }
)
#: Speakers who give the floor; their turns are never questions.
MODERATOR_ROLES = frozenset(
    {
        "moderator",
        "operator",
        "the operator",
        "facilitator",
        "emcee",
        "moderador",
        "moderadora",
        "moderatore",
        "modérateur",
        "moderatorin",
        "модератор",
    }
)

# Words that name a field, a remark or a part of a text, not a person: "Note:",
# "Publication Date:", "SCENE:", "PERSONS OF THE DIALOGUE:".
NOT_SPEAKERS = _words(
    """
    note notes nb ps p.s date time tags tag category categories keywords url link links email
    phone website updated published posted caption credit credits photo photos image video
    contents disclaimer transcript translation copyright license licence footnote footnotes
    appendix docket citation minutes status version price summary abstract chapter section
    part step scene setting persons characters cast dramatis personae encoding tl;dr by
    yes no yeah yep yup okay ok right sure thanks thank exactly absolutely indeed well oh um uh
    hmm mhm laughter applause inaudible crosstalk silence pause music break
    """
)
#: Words that make a field when they come first ("FOR RESPONDENT:", "BY MS. DOE:",
#: "Translator:", "Release date:"), but may stand inside a speaker's title ("Minister *for*
#: Foreign Affairs Jane Doe", "Executive *Editor* Jane Doe").
NOT_SPEAKERS_FIRST = _words(
    """
    for before after from with to re fw fwd cc bcc subject title author authors translator
    editor illustrator produced release language posting ebook source sources update edit
    edited warning caution tip hint important example examples result results reminder read
    see also today now then here there this that these it location introduction conclusion
    background context order further concurring dissenting opinion decision held holding
    issue issues present absent attendees members agenda topic topics episode table figure
    page address
    """
)
#: Small words inside names and titles: "President *of* Russia", "Ludwig *van* Beethoven".
JOINERS = _words("of the de da di du del van von der den la le al el bin ibn y and for on to")
