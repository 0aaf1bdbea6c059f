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
    note notes nb ps p.s source sources update updated edit edited warning caution tip hint
    important example examples summary abstract date time tags tag category categories subject
    re fw fwd title author authors by published posted link links url photo photos image video
    caption credit credits location keywords contents disclaimer translation transcript chapter
    part section step conclusion introduction background context result results reminder read
    see also yes no today now then here there this that these it status version price email
    phone address website tl;dr scene setting persons characters cast dramatis personae
    language release translator editor illustrator produced posting encoding ebook copyright
    license licence footnote footnotes table figure appendix episode topic topics agenda
    present absent attendees members order docket citation for before after from with cc bcc
    to subject opinion decision held holding issue issues question(s) minutes page
    yeah yep yup okay ok right sure thanks thank exactly absolutely indeed well oh um uh hmm
    mhm laughter applause inaudible crosstalk silence pause music break
    """
)
#: Small words inside names and titles: "President *of* Russia", "Ludwig *van* Beethoven".
JOINERS = _words("of the de da di du del van von der den la le al el bin ibn y and for on to")
