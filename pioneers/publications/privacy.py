"""The privacy statement's text in Dutch and English: who sees which data, why and how long.

One text for the demo and for a new installation; the installation fills in placeholders that
its coordinators edit in the admin (who the controller is, how to reach them).
"""

from django.utils.html import escape

NL = {
    "title": "Privacyverklaring",
    "slug": "privacy",
    "intro": "Welke persoonsgegevens {network} verwerkt, wie ze ziet, hoe lang ze bewaard "
    "blijven en wat je rechten zijn.",
    "body": (
        "<h2>Wie is verantwoordelijk</h2>"
        "<p>Verwerkingsverantwoordelijke is {controller}, die {network} coördineert. Vragen over "
        "je gegevens stel je via {contact}. De functionaris gegevensbescherming bereik je via "
        "{dpo}.</p>"
        "<h2>Welke gegevens, waarvoor, wie ze ziet en hoe lang</h2>"
        "<h3>Je account</h3>"
        "<p>Je e-mailadres, een versleuteld wachtwoord en je naam, om in te loggen en je "
        "berichten over het netwerk te sturen. Grondslag: een taak van algemeen belang "
        "(artikel 6, lid 1, onder e AVG): {task}. Alleen jij en de coördinatoren zien ze. "
        "We bewaren ze tot je je account verwijdert.</p>"
        "<h3>Je profiel</h3>"
        "<p>Je naam, organisatie, functie, rol, interesses en eventueel een foto. Je naam, rol "
        "en organisatie zijn alleen openbaar als je daar toestemming voor geeft (artikel 6, lid "
        "1, onder a AVG); die toestemming trek je in door het vinkje op je profiel weg te halen. "
        "Zonder toestemming zien alleen jij en de coördinatoren je profiel. De foto van een "
        "niet-openbaar profiel zien alleen jij en de coördinatoren. Foto's bewaren we zonder "
        "metagegevens (zoals de plek waar ze zijn gemaakt); een vervangen foto wordt "
        "verwijderd. We bewaren je profiel tot je het wijzigt of je account verwijdert.</p>"
        "<h3>Aanmeldingen voor bijeenkomsten</h3>"
        "<p>Je naam, e-mailadres, woonplaats (bij bijeenkomsten voor inwoners) en eventuele "
        "wensen voor toegankelijkheid, om de bijeenkomst te organiseren en de opkomst te "
        "verantwoorden. Grondslag: een taak van algemeen belang. De coördinatoren zien je "
        "aanmelding. De organisatoren van de gastorganisatie zien de gastenlijst (namen en "
        "organisaties) tot het inchecken sluit, een dag na de bijeenkomst; daarna niet meer. Je "
        "e-mailadres zien zij nooit.</p>"
        "<p>Wensen voor toegankelijkheid kunnen gezondheidsgegevens zijn. We verwerken ze alleen "
        "als je ze zelf invult, met je uitdrukkelijke toestemming (artikel 9, lid 2, onder a "
        "AVG). Alleen de coördinatoren en de organisatoren van de gastorganisatie zien ze, en "
        "alleen tot de bijeenkomst voorbij is. Kort na de bijeenkomst wist het platform ze "
        "automatisch.</p>"
        "<p>Naam, e-mailadres en aanwezigheid bewaren we zolang je account bestaat. Verwijder je "
        "je account, dan blijft je aanmelding alleen als aantal bestaan: zonder naam, "
        "e-mailadres of wensen. Meldde je je aan zonder account, vraag dan de coördinatoren om "
        "verwijdering.</p>"
        "<h3>Opmerkingen, praktijken en artikelen</h3>"
        "<p>Opmerkingen op een conceptverslag zien alleen de redacteuren. Een praktijk toont je "
        "naam als contactpersoon alleen als je daar toestemming voor gaf; een artikel noemt je "
        "als auteur. Grondslag: een taak van algemeen belang, en voor vermelding van je naam je "
        "toestemming. Verwijder je je account, dan blijven de teksten staan zonder je naam.</p>"
        "<h3>Aanvragen en nominaties</h3>"
        "<p>Vraag je om aan te sluiten bij een organisatie, dan zien de coördinatoren je "
        "aanvraag en motivatie; de aanvraag verdwijnt als je je account verwijdert. Nomineer je "
        "een initiatief, dan zien de coördinatoren je naam en e-mailadres om contact met je op "
        "te nemen.</p>"
        "<h3>E-mail</h3>"
        "<p>Berichten gaan via een wachtrij; een kopie van een verstuurd bericht wordt binnen "
        "een dag gewist. Het aantal berichten dat een formulier laat versturen is begrensd per "
        "e-mailadres en per afzender, zodat niemand het platform kan gebruiken om iemands "
        "mailbox te overspoelen.</p>"
        "<h2>Met wie we gegevens delen</h2>"
        "<p>We verkopen niets en delen niets met derden. Alleen de partij die het platform "
        "voor ons host verwerkt de gegevens, in onze opdracht en met een "
        "verwerkersovereenkomst.</p>"
        "<h2>Je rechten</h2>"
        '<ul><li>Inzien en meenemen: op <a href="/nl/mijn/">Mijn overzicht</a> download je al je '
        "gegevens als JSON-bestand.</li>"
        '<li>Corrigeren: pas je <a href="/nl/profiel/">profiel</a> aan.</li>'
        '<li>Verwijderen: verwijder je account zelf op <a href="/nl/mijn/">Mijn overzicht</a>; '
        "je krijgt een bevestiging per e-mail.</li>"
        "<li>Bezwaar maken of de verwerking laten beperken: neem contact op via {contact}.</li>"
        "</ul>"
        "<p>Ben je het niet eens met hoe we met je gegevens omgaan, dan kun je een klacht "
        "indienen bij de "
        '<a href="https://autoriteitpersoonsgegevens.nl">Autoriteit Persoonsgegevens</a>.</p>'
    ),
}

EN = {
    "title": "Privacy statement",
    "slug": "privacy",
    "intro": "Which personal data {network} processes, who sees it, how long it is kept and "
    "what your rights are.",
    "body": (
        "<h2>Who is responsible</h2>"
        "<p>The controller is {controller}, which coordinates {network}. Ask questions about "
        "your data through {contact}. You reach the data protection officer through {dpo}.</p>"
        "<h2>Which data, what for, who sees it and for how long</h2>"
        "<h3>Your account</h3>"
        "<p>Your email address, an encrypted password and your name, to log in and to send you "
        "messages about the network. Legal basis: a task in the public interest (Article "
        "6(1)(e) GDPR): {task}. Only you and the coordinators see them. We keep them until "
        "you delete your account.</p>"
        "<h3>Your profile</h3>"
        "<p>Your name, organisation, job title, role, interests and possibly a photo. Your "
        "name, role and organisation are public only if you consent (Article 6(1)(a) GDPR); you "
        "withdraw consent by unticking the box on your profile. Without consent only you and "
        "the coordinators see your profile. The photo of a private profile is seen only by you "
        "and the coordinators. Photos are stored without metadata (such as where they were "
        "taken); a replaced photo is deleted. We keep your profile until you change it or "
        "delete your account.</p>"
        "<h3>Registrations for meetings</h3>"
        "<p>Your name, email address, municipality of residence (for residents' meetings) and "
        "any accessibility needs, to organise the meeting and account for attendance. Legal "
        "basis: a task in the public interest. The coordinators see your registration. The "
        "organisers of the host organisation see the guest list (names and organisations) until "
        "check-in closes, a day after the meeting, and no longer after it. They never see your "
        "email address.</p>"
        "<p>Accessibility needs can be health data. We process them only when you fill them in "
        "yourself, with your explicit consent (Article 9(2)(a) GDPR). Only the coordinators and "
        "the organisers of the host organisation see them, and only until the meeting is over. "
        "Shortly after the meeting the platform erases them automatically.</p>"
        "<p>Name, email address and attendance are kept as long as your account exists. When "
        "you delete your account, your registration remains only as a number: without name, "
        "email address or needs. Did you register without an account? Ask the coordinators to "
        "erase it.</p>"
        "<h3>Comments, practices and articles</h3>"
        "<p>Comments on a draft report are seen only by the editors. A practice shows your name "
        "as its contact person only if you consented; an article names you as its author. Legal "
        "basis: a task in the public interest, and your consent for showing your name. When you "
        "delete your account, the texts stay without your name.</p>"
        "<h3>Join requests and nominations</h3>"
        "<p>When you ask to join an organisation, the coordinators see your request and "
        "motivation; the request is removed when you delete your account. When you nominate an "
        "initiative, the coordinators see your name and email address to get in touch.</p>"
        "<h3>Email</h3>"
        "<p>Messages go through a queue; a copy of a sent message is erased within a day. The "
        "number of messages a form can send is limited per email address and per sender, so "
        "nobody can use the platform to flood someone's mailbox.</p>"
        "<h2>Who we share data with</h2>"
        "<p>We sell nothing and share nothing with third parties. Only the party that hosts the "
        "platform for us processes the data, on our instructions and under a data processing "
        "agreement.</p>"
        "<h2>Your rights</h2>"
        '<ul><li>Access and portability: on <a href="/en/my/">My overview</a> you download all '
        "your data as a JSON file.</li>"
        '<li>Correction: edit your <a href="/en/profile/">profile</a>.</li>'
        '<li>Erasure: delete your account yourself on <a href="/en/my/">My overview</a>; you get '
        "a confirmation by email.</li>"
        "<li>Objection or restriction: get in touch through {contact}.</li></ul>"
        "<p>If you disagree with how we handle your data, you can lodge a complaint with the "
        '<a href="https://autoriteitpersoonsgegevens.nl/en">Dutch Data Protection Authority '
        "(Autoriteit Persoonsgegevens)</a>.</p>"
    ),
}

# What a new installation's coordinators replace in the admin.
PLACEHOLDERS = {
    "nl": {
        "controller": "[naam van de organisatie die het netwerk coördineert]",
        "contact": "[e-mailadres van de coördinatoren]",
        "dpo": "[contactgegevens van de functionaris gegevensbescherming]",
        "task": "[de publieke taak of het beleid waar het netwerk onder valt]",
    },
    "en": {
        "controller": "[name of the organisation that coordinates the network]",
        "contact": "[email address of the coordinators]",
        "dpo": "[contact details of the data protection officer]",
        "task": "[the public task or policy the network belongs to]",
    },
}


def privacy_page(
    language: str, *, network: str, controller: str, contact: str, dpo: str, task: str
):
    """The statement's title, slug, intro and body in a language, with the facts filled in.

    An email address as ``contact`` becomes a mailto link; everything else is escaped.
    """
    text = NL if language == "nl" else EN
    contact_html = (
        f'<a href="mailto:{escape(contact)}">{escape(contact)}</a>'
        if "@" in contact and " " not in contact
        else escape(contact)
    )
    facts = {
        "network": escape(network),
        "controller": escape(controller),
        "contact": contact_html,
        "dpo": escape(dpo),
        "task": escape(task),
    }
    return {
        "title": text["title"],
        "slug": text["slug"],
        "intro": text["intro"].format(network=network),
        "body": text["body"].format(**facts),
    }
