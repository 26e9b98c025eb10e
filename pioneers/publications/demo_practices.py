"""Demo practices of the knowledge base: what municipalities tried, in Dutch (fictional)."""

# Topic slugs that exist: open-overheid, actieve-openbaarmaking, woo-verzoeken, open-data,
# open-raadsinformatie, participatie, informatiehuishouding, open-begroting, algoritmes,
# toegankelijke-overheidsinformatie
# Values: transparency, participation, accountability, technology
# Status: idea, pilot, running, stopped

PRACTICES = [
    {
        "title": "Algoritmeregister voor de algoritmes die de gemeente gebruikt",
        "municipality": "GM0363",
        "status": "running",
        "started_on": "2020-09-28",
        "topics": ["algoritmes", "open-overheid"],
        "values": ["transparency", "technology", "accountability"],
        "summary": (
            "De gemeente publiceert in een online algoritmeregister welke algoritmes zij "
            "gebruikt, waarvoor, met welke gegevens en wie er verantwoordelijk voor is."
        ),
        "problem": (
            "Inwoners en raadsleden wisten niet bij welke beslissingen de gemeente algoritmes "
            "gebruikte. Bij vragen over bijvoorbeeld de parkeercontrole of meldingen over de "
            "openbare ruimte kon niemand snel uitleggen hoe het systeem werkte. Dat zorgde voor "
            "wantrouwen, ook binnen de organisatie zelf."
        ),
        "approach": (
            "We begonnen met een inventarisatie bij de directies: welke systemen nemen "
            "beslissingen of doen voorstellen die inwoners raken? Dat leverde een eerste lijst "
            "van 27 toepassingen op.\n\n"
            "Voor elk algoritme vullen we een vast formulier in: doel, gebruikte gegevens, "
            "menselijke controle, risico's en een contactpersoon. Een jurist en een data-expert "
            "lezen mee voordat een beschrijving online gaat. We startten met drie algoritmes en "
            "vullen het register stap voor stap aan."
        ),
        "result": (
            "Na een jaar staan 9 algoritmes in het register. Het register werd ongeveer 4.000 "
            "keer bezocht en leverde 35 vragen op van inwoners en journalisten."
        ),
        "lessons": (
            "Een inventarisatie kost meer tijd dan je denkt, omdat teams niet altijd weten dat "
            "ze een algoritme gebruiken. Publiceer liever drie goede beschrijvingen dan dertig "
            "halve."
        ),
        "contact": 3,
    },
    {
        "title": "Algoritmeregister met uitleg in gewone taal",
        "municipality": "GM0344",
        "status": "pilot",
        "started_on": "2021-01-18",
        "topics": ["algoritmes", "toegankelijke-overheidsinformatie"],
        "values": ["transparency", "technology"],
        "summary": (
            "In een pilot beschrijft de gemeente vijf algoritmes in het algoritmeregister in "
            "B1-taal. De teksten zijn getest met inwoners."
        ),
        "problem": (
            "Bestaande beschrijvingen van algoritmes waren geschreven voor specialisten. "
            "Inwoners die wilden weten waarom zij een brief kregen over een controle op hun "
            "uitkering, begrepen de uitleg niet. Een register dat alleen experts kunnen lezen, "
            "maakt de gemeente niet opener."
        ),
        "approach": (
            "We kozen vijf algoritmes uit het sociaal domein en de openbare ruimte. Per "
            "algoritme schreven we twee lagen: een korte uitleg in B1-taal en daaronder de "
            "technische beschrijving.\n\n"
            "De korte teksten testten we in twee sessies met in totaal 14 inwoners, onder wie "
            "mensen met weinig ervaring met computers. Na elke sessie pasten we de teksten aan. "
            "Ook vroegen we raadsleden om feedback tijdens een informatiebijeenkomst."
        ),
        "result": (
            "De vijf beschrijvingen staan online. In de tweede testronde konden 11 van de 14 "
            "deelnemers in eigen woorden uitleggen wat het algoritme doet; in de eerste ronde "
            "waren dat er 6."
        ),
        "lessons": (
            "Laat de mensen die het algoritme bouwen en de mensen die het uitleggen samen "
            "schrijven. Woorden als 'risicoscore' vragen altijd om een voorbeeld."
        ),
        "contact": None,
    },
    {
        "title": "Algoritmeregister voor sensoren en slimme camera's in de openbare ruimte",
        "municipality": "GM0772",
        "status": "pilot",
        "started_on": "2021-03-01",
        "topics": ["algoritmes", "open-data"],
        "values": ["transparency", "technology"],
        "summary": (
            "De gemeente test een register waarin staat welke sensoren en slimme camera's in de "
            "stad gegevens verzamelen en welke algoritmes die gegevens verwerken."
        ),
        "problem": (
            "In het centrum hangen sensoren die drukte, geluid en luchtkwaliteit meten. Inwoners "
            "vroegen zich af of zij werden gefilmd en wat er met de gegevens gebeurde. De "
            "gemeente had zelf geen volledig overzicht, omdat een deel van de sensoren van "
            "bedrijven en kennisinstellingen is."
        ),
        "approach": (
            "Samen met partners in het uitgaansgebied brachten we alle sensoren in kaart. Voor "
            "elke sensor noteren we de eigenaar, het doel, welke gegevens worden opgeslagen en "
            "hoe lang.\n\n"
            "Als een algoritme de gegevens verwerkt, bijvoorbeeld om drukte te voorspellen, komt "
            "er een beschrijving in het algoritmeregister. Op de sensoren hangt een sticker met "
            "een QR-code die naar de beschrijving verwijst."
        ),
        "result": (
            "In de pilot zijn 42 sensoren en 4 algoritmes beschreven. De QR-codes werden in drie "
            "maanden ruim 600 keer gescand."
        ),
        "lessons": (
            "Afspraken met externe eigenaren van sensoren kosten de meeste tijd. Leg de plicht "
            "om te registreren vast in de vergunning of het contract."
        ),
        "contact": 12,
    },
    {
        "title": "Gezamenlijk algoritmeregister met gemeenten in de regio",
        "municipality": "GM0518",
        "status": "idea",
        "started_on": None,
        "topics": ["algoritmes", "open-overheid"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Idee om met omliggende gemeenten één algoritmeregister te bouwen, zodat kleinere "
            "gemeenten niet elk een eigen register hoeven te maken."
        ),
        "problem": (
            "Veel gemeenten gebruiken dezelfde software van dezelfde leveranciers, bijvoorbeeld "
            "voor belastingen of jeugdhulp. Toch moet elke gemeente nu zelf uitzoeken hoe een "
            "algoritme werkt en dat beschrijven. Kleinere gemeenten hebben daar vaak geen "
            "capaciteit voor."
        ),
        "approach": (
            "Het voorstel is één regionaal register met een vaste opbouw. Software die meerdere "
            "gemeenten gebruiken, wordt één keer beschreven; iedere gemeente vult de "
            "beschrijving aan met eigen keuzes.\n\n"
            "We willen leveranciers vragen om standaardinformatie aan te leveren. In een eerste "
            "verkenning praten we met vijf gemeenten uit de regio en met de VNG over een "
            "gezamenlijke opzet."
        ),
        "result": "",
        "lessons": (
            "Uit de eerste gesprekken blijkt dat gemeenten vooral willen weten wie het register "
            "beheert en wie verantwoordelijk is als een beschrijving niet klopt."
        ),
        "contact": None,
    },
    {
        "title": "Begroting in eenvoudige taal",
        "municipality": "GM0193",
        "status": "running",
        "started_on": "2018-10-01",
        "topics": ["open-begroting", "toegankelijke-overheidsinformatie"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Naast de officiële begroting maakt de gemeente elk jaar een korte versie in "
            "eenvoudige taal, met de belangrijkste keuzes en bedragen."
        ),
        "problem": (
            "De programmabegroting telt meer dan 250 pagina's. Inwoners, maar ook nieuwe "
            "raadsleden, vonden het moeilijk om te zien waar het geld naartoe gaat. Van inwoners "
            "kwamen daardoor weinig vragen over de begroting."
        ),
        "approach": (
            "Een klein team van Financiën en Communicatie schrijft elk najaar een versie van 12 "
            "pagina's. We gebruiken ronde bedragen, zoals 'van elke 100 euro gaat 31 euro naar "
            "zorg en ondersteuning'.\n\n"
            "Een taalpanel van inwoners leest de tekst vooraf. De korte versie staat online en "
            "ligt op papier in de bibliotheek en het stadskantoor."
        ),
        "result": (
            "De eenvoudige versie werd in 2019 ruim 3.500 keer gedownload, de volledige "
            "begroting ongeveer 900 keer. Het college gebruikt de teksten nu ook in eigen "
            "presentaties."
        ),
        "lessons": (
            "Plan de korte versie vanaf het begin van het begrotingsproces in, niet pas als de "
            "cijfers klaar zijn. Financiële collega's moesten wennen aan het idee dat afronden "
            "geen fout is."
        ),
        "contact": 7,
    },
    {
        "title": "Begroting per thema en per wijk met infographics",
        "municipality": "GM0855",
        "status": "running",
        "started_on": "2019-09-15",
        "topics": ["open-begroting", "open-data"],
        "values": ["transparency", "accountability"],
        "summary": (
            "De gemeente zet de begroting om in een website met infographics en korte teksten op "
            "B1-niveau, per thema en per wijk."
        ),
        "problem": (
            "Inwoners vroegen regelmatig wat de gemeente in hun wijk uitgeeft. Die informatie "
            "stond verspreid over de begroting en was niet per wijk te vinden. Ook raadsleden "
            "konden die vraag moeilijk beantwoorden."
        ),
        "approach": (
            "We hebben de begroting ingedeeld in acht thema's die inwoners herkennen, zoals "
            "'veilig', 'groen' en 'werk'. Per thema maakten we een infographic en een tekst van "
            "maximaal 200 woorden.\n\n"
            "Voor uitgaven die aan een wijk te koppelen zijn, zoals onderhoud van groen en "
            "wegen, staat er een kaart met bedragen per wijk. De cijfers komen rechtstreeks uit "
            "het financiële systeem, zodat we de site elk jaar snel kunnen bijwerken."
        ),
        "result": (
            "De website had in het eerste jaar ongeveer 8.000 bezoekers. Ongeveer 60 procent van "
            "de uitgaven kon aan een wijk worden gekoppeld, de rest niet."
        ),
        "lessons": (
            "Wees eerlijk over wat niet per wijk te verdelen is. Een korte uitleg daarover "
            "voorkomt veel vragen."
        ),
        "contact": None,
    },
    {
        "title": "Begroting in eenvoudige taal, geschreven met taalambassadeurs",
        "municipality": "GM0034",
        "status": "pilot",
        "started_on": "2020-06-01",
        "topics": ["open-begroting", "toegankelijke-overheidsinformatie", "participatie"],
        "values": ["transparency", "participation"],
        "summary": (
            "Inwoners die zelf moeite hadden met lezen, schreven mee aan een eenvoudige versie "
            "van de begroting."
        ),
        "problem": (
            "Een flink deel van de volwassen inwoners heeft moeite met lezen en schrijven. "
            "Eerdere samenvattingen van de begroting waren voor hen nog steeds te moeilijk. We "
            "wilden weten wat deze inwoners echt willen weten over de begroting."
        ),
        "approach": (
            "Samen met het taalhuis van de bibliotheek vroegen we zes taalambassadeurs om mee te "
            "doen. In vier bijeenkomsten lazen zij conceptteksten en gaven ze aan welke woorden "
            "en cijfers onduidelijk waren.\n\n"
            "De ambassadeurs wilden vooral weten wat de begroting betekent voor hun eigen "
            "portemonnee, zoals de hoogte van de afvalstoffenheffing. Daarom kwam er een apart "
            "hoofdstuk over lokale lasten."
        ),
        "result": (
            "De eerste versie verscheen bij de begroting 2021. Het taalhuis gebruikt de tekst nu "
            "ook als lesmateriaal."
        ),
        "lessons": (
            "Geef ambassadeurs een vrijwilligersvergoeding en plan genoeg tijd. Hun vragen "
            "lieten zien dat lokale lasten belangrijker zijn dan de grote investeringen."
        ),
        "contact": 21,
    },
    {
        "title": "Vast team voor Wob-verzoeken met één coördinator",
        "municipality": "GM0606",
        "status": "running",
        "started_on": "2019-02-01",
        "topics": ["woo-verzoeken", "informatiehuishouding"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Eén team neemt alle Wob-verzoeken aan, bewaakt de termijnen en helpt vakafdelingen "
            "met zoeken en lakken."
        ),
        "problem": (
            "Wob-verzoeken werden afgehandeld door de vakafdeling die over het onderwerp ging. "
            "Iedere afdeling deed dat op haar eigen manier en termijnen werden vaak "
            "overschreden. De gemiddelde doorlooptijd was 10 weken, terwijl de wet maximaal 8 "
            "weken toestaat."
        ),
        "approach": (
            "We richtten een team op van twee juristen en een informatiespecialist, met één van "
            "hen als coördinator. Zij registreren elk verzoek, bellen binnen vijf werkdagen met "
            "de verzoeker en maken een planning.\n\n"
            "De vakafdeling levert de documenten aan, het team beoordeelt ze en lakt waar nodig. "
            "Elke maand bespreekt de coördinator de stand van zaken met de gemeentesecretaris."
        ),
        "result": (
            "De gemiddelde doorlooptijd daalde van 10 naar 6 weken. Het aantal "
            "ingebrekestellingen ging van 14 in 2018 naar 3 in 2020."
        ),
        "lessons": (
            "Het telefoontje aan het begin is het belangrijkste onderdeel: veel verzoeken worden "
            "daarna kleiner of duidelijker. Zonder steun van de gemeentesecretaris leveren "
            "afdelingen niet op tijd aan."
        ),
        "contact": 0,
    },
    {
        "title": "Wob-verzoeken: eerst bellen, dan beslissen",
        "municipality": "GM0014",
        "status": "pilot",
        "started_on": "2020-02-01",
        "topics": ["woo-verzoeken"],
        "values": ["transparency", "participation"],
        "summary": (
            "Binnen een week na ontvangst belt een medewerker de verzoeker om te vragen welke "
            "informatie hij of zij precies zoekt."
        ),
        "problem": (
            "Veel Wob-verzoeken waren breed geformuleerd, bijvoorbeeld 'alle stukken over de "
            "herinrichting van het plein'. Dat leverde soms duizenden documenten op. Zoeken en "
            "beoordelen duurde lang, terwijl de verzoeker vaak iets veel specifiekers zocht."
        ),
        "approach": (
            "In de pilot bellen twee medewerkers elke verzoeker binnen vijf werkdagen. Ze vragen "
            "naar de achtergrond van de vraag en kijken of de informatie misschien al openbaar "
            "is.\n\n"
            "Soms kan de gemeente de vraag direct beantwoorden, zonder formeel besluit. De "
            "afspraken uit het gesprek leggen we vast in een bevestigingsmail."
        ),
        "result": (
            "Bij 19 van de 58 verzoeken in de pilot werd het verzoek kleiner gemaakt en bij 7 "
            "was de informatie al openbaar. De gemiddelde doorlooptijd daalde van 9 naar 6 weken."
        ),
        "lessons": (
            "Journalisten willen hun vraag niet altijd toelichten, en dat is hun recht. Maak "
            "duidelijk dat het gesprek vrijwillig is en het verzoek niet vertraagt."
        ),
        "contact": None,
    },
    {
        "title": "Digitaal lakken en een vast stappenplan voor Wob-verzoeken",
        "municipality": "GM0202",
        "status": "running",
        "started_on": "2020-05-01",
        "topics": ["woo-verzoeken", "informatiehuishouding"],
        "values": ["transparency", "technology"],
        "summary": (
            "Met software om digitaal te lakken en een vast stappenplan handelt de gemeente "
            "Wob-verzoeken sneller en zorgvuldiger af."
        ),
        "problem": (
            "Documenten werden geprint, met een zwarte stift gelakt en weer gescand. Dat kostte "
            "veel tijd, en soms bleef informatie per ongeluk leesbaar. Bij grote verzoeken "
            "liepen medewerkers vast."
        ),
        "approach": (
            "We schaften software aan waarmee documenten digitaal worden gelakt, met bij elke "
            "lakking de reden uit de Wob. Alle medewerkers die verzoeken behandelen, kregen een "
            "training van een dag.\n\n"
            "Daarnaast maakten we een stappenplan met vaste termijnen per stap. De software "
            "haalt ook dubbele documenten weg, zoals e-mails die vaak zijn doorgestuurd."
        ),
        "result": (
            "Bij grote verzoeken daalde de behandeltijd van gemiddeld 14 naar 9 weken. Sinds de "
            "start is achteraf geen fout bij het lakken meer ontdekt."
        ),
        "lessons": (
            "Software helpt alleen als documenten goed zijn opgeslagen. Het ontdubbelen van "
            "e-mails leverde meer tijdwinst op dan het digitale lakken zelf."
        ),
        "contact": 15,
    },
    {
        "title": "Raadsinformatie als open data",
        "municipality": "GM0546",
        "status": "running",
        "started_on": "2018-06-01",
        "topics": ["open-raadsinformatie", "open-data"],
        "values": ["transparency", "technology"],
        "summary": (
            "Agenda's, raadsstukken, moties en besluiten van de gemeenteraad zijn beschikbaar "
            "als open data, via een open koppeling (API)."
        ),
        "problem": (
            "Raadsinformatie stond in een systeem dat alleen via de website te doorzoeken was. "
            "Journalisten en inwoners die stukken wilden vergelijken of volgen, moesten alles "
            "met de hand downloaden. Ontwikkelaars konden er geen eigen toepassingen mee maken."
        ),
        "approach": (
            "Samen met de griffie en de leverancier van het raadsinformatiesysteem maakten we "
            "een koppeling die de gegevens in een open formaat levert. We sloten aan bij de "
            "landelijke aanpak voor open raadsinformatie, zodat de data dezelfde vorm hebben als "
            "die van andere gemeenten.\n\n"
            "De griffie controleert dat besloten stukken niet in de open data terechtkomen."
        ),
        "result": (
            "Alle raadsinformatie vanaf 2014 is als open data beschikbaar. Een lokale nieuwssite "
            "laat inwoners met deze data per buurt zien welke onderwerpen op de agenda staan."
        ),
        "lessons": (
            "Zet afspraken met de leverancier over open formaten in het contract. Vertrouwelijke "
            "stukken vragen een aparte controle, want ook metadata kunnen gevoelig zijn."
        ),
        "contact": 5,
    },
    {
        "title": "Raadsstukken als open data doorzoekbaar per straat",
        "municipality": "GM0268",
        "status": "pilot",
        "started_on": "2020-10-01",
        "topics": ["open-raadsinformatie", "open-data", "toegankelijke-overheidsinformatie"],
        "values": ["transparency", "technology"],
        "summary": (
            "De griffie test een zoekfunctie op basis van open raadsinformatie, waarmee inwoners "
            "per onderwerp en per straat kunnen zoeken."
        ),
        "problem": (
            "Raadsinformatie was openbaar, maar inwoners vonden de stukken over hun eigen buurt "
            "niet. De zoekfunctie van het raadsinformatiesysteem zocht alleen in titels. "
            "Raadsleden kregen daardoor vragen die al in openbare stukken waren beantwoord."
        ),
        "approach": (
            "We publiceren raadsstukken als open data in het landelijke formaat voor open "
            "raadsinformatie. Op basis daarvan bouwde een lokaal bedrijf een zoekfunctie die ook "
            "de volledige tekst van pdf's doorzoekt.\n\n"
            "Straatnamen en buurten in de tekst worden herkend, zodat inwoners hun straat kunnen "
            "intypen. De pilot loopt een jaar; daarna beslist de raad over voortzetting."
        ),
        "result": (
            "In de eerste zes maanden werden ruim 5.000 zoekopdrachten gedaan. Gebruikers misten "
            "vooral stukken van vóór 2016, die nog niet zijn omgezet."
        ),
        "lessons": (
            "Oude pdf's zijn vaak gescand en dus niet doorzoekbaar. Reken op extra werk voor "
            "tekstherkenning."
        ),
        "contact": None,
    },
    {
        "title": "Stemmingsuitslagen en moties van de raad als open data",
        "municipality": "GM0687",
        "status": "idea",
        "started_on": None,
        "topics": ["open-raadsinformatie", "open-data"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Idee om per motie en amendement vast te leggen hoe elke fractie stemde, en dat als "
            "open data te publiceren."
        ),
        "problem": (
            "Wie wil weten hoe een fractie over een onderwerp heeft gestemd, moet nu de "
            "besluitenlijsten doorlezen. Uitslagen staan daar als tekst en niet altijd op "
            "dezelfde manier. Inwoners en lokale media kunnen het stemgedrag daardoor moeilijk "
            "volgen, bijvoorbeeld voor de verkiezingen."
        ),
        "approach": (
            "De griffie wil stemmingen tijdens de vergadering direct in het "
            "raadsinformatiesysteem vastleggen, per fractie en bij hoofdelijke stemming per "
            "raadslid. Die gegevens komen daarna als open data beschikbaar.\n\n"
            "Voordat we beginnen, willen we met andere griffies in Zeeland bespreken of we "
            "dezelfde werkwijze kunnen gebruiken."
        ),
        "result": "",
        "lessons": (
            "Het presidium vroeg om eerst te regelen hoe een fout in de registratie wordt hersteld."
        ),
        "contact": 28,
    },
    {
        "title": "Burgerberaad over de energietransitie in de wijken",
        "municipality": "GM0307",
        "status": "pilot",
        "started_on": "2020-11-01",
        "topics": ["participatie", "open-overheid"],
        "values": ["participation", "accountability"],
        "summary": (
            "Een groep van 40 inwoners, gekozen door loting, gaf de gemeenteraad advies over de "
            "volgorde waarin wijken van het aardgas af gaan."
        ),
        "problem": (
            "De gemeente moest een Transitievisie Warmte opstellen. Op bewonersavonden kwamen "
            "vooral inwoners die al veel wisten over energie, vaak huiseigenaren. Huurders en "
            "jongeren waren nauwelijks te horen, terwijl de keuzes ook hen raken."
        ),
        "approach": (
            "We stuurden een uitnodiging naar 5.000 willekeurig gekozen adressen. Uit de "
            "aanmeldingen kozen we 40 deelnemers, verdeeld naar leeftijd, wijk en "
            "woonsituatie.\n\n"
            "Het burgerberaad kwam zes zaterdagen bij elkaar, vanwege corona deels online. "
            "Deskundigen gaven informatie en een onafhankelijke begeleider leidde de gesprekken. "
            "De raad beloofde vooraf om op elk advies schriftelijk te reageren."
        ),
        "result": (
            "De deelnemers kwamen met 14 adviezen. De raad nam er 11 over in de transitievisie "
            "en legde bij de andere drie uit waarom niet."
        ),
        "lessons": (
            "De belofte van de raad om op elk advies te reageren, was voor deelnemers de "
            "belangrijkste reden om mee te doen. Online bijeenkomsten werken, maar reken op "
            "uitval bij oudere deelnemers."
        ),
        "contact": 9,
    },
    {
        "title": "Wijkbudget: bewoners stemmen over ideeën voor hun wijk",
        "municipality": "GM0599",
        "status": "running",
        "started_on": "2019-04-01",
        "topics": ["participatie", "open-begroting"],
        "values": ["participation", "transparency"],
        "summary": (
            "Per wijk is een budget beschikbaar. Bewoners dienen ideeën in en stemmen online of "
            "op papier over de plannen die worden uitgevoerd."
        ),
        "problem": (
            "Bewoners hadden weinig invloed op kleine uitgaven in hun eigen wijk. Besluiten over "
            "bankjes, speelplekken of buurtfeesten werden op het stadhuis genomen. Dat voelde "
            "ver weg, vooral in wijken waar het vertrouwen in de gemeente laag is."
        ),
        "approach": (
            "In drie wijken kreeg de wijkraad elk een budget van 100.000 euro. Bewoners konden "
            "zes weken lang ideeën indienen; ambtenaren toetsten die op haalbaarheid en "
            "kosten.\n\n"
            "Daarna konden alle bewoners vanaf 12 jaar stemmen, online of op papier in het "
            "wijkcentrum. De ideeën met de meeste stemmen werden uitgevoerd, tot het budget op "
            "was."
        ),
        "result": (
            "Er kwamen 212 ideeën binnen, waarvan er 34 zijn uitgevoerd. Ongeveer 6 procent van "
            "de bewoners stemde, in één wijk 11 procent."
        ),
        "lessons": (
            "Stemmen op papier in het wijkcentrum was nodig om ouderen te bereiken. Laat zien "
            "wat er met afgewezen ideeën gebeurt, anders haken indieners af."
        ),
        "contact": None,
    },
    {
        "title": "Digitale bewonersavonden via een livestream",
        "municipality": "GM0153",
        "status": "stopped",
        "started_on": "2020-04-15",
        "topics": ["participatie"],
        "values": ["participation", "technology"],
        "summary": (
            "Tijdens de coronamaatregelen hield de gemeente bewonersavonden via een livestream "
            "met chat. Na ruim een jaar is de gemeente daarmee gestopt."
        ),
        "problem": (
            "Door de coronamaatregelen konden bewonersavonden over plannen in de wijk niet "
            "doorgaan. Projecten liepen vertraging op, terwijl inwoners wel het recht hebben om "
            "hun mening te geven."
        ),
        "approach": (
            "We organiseerden bewonersavonden als livestream. Een wethouder en een projectleider "
            "gaven uitleg en inwoners konden vragen stellen via een chat. Vragen die niet aan "
            "bod kwamen, beantwoordden we achteraf op de projectwebsite.\n\n"
            "In totaal hielden we 11 digitale avonden."
        ),
        "result": (
            "Gemiddeld keken 45 mensen mee, maar een klein deel stelde een vraag. Inwoners "
            "misten het gesprek met elkaar. In de zomer van 2021 zijn we teruggegaan naar "
            "fysieke avonden, met een livestream als aanvulling."
        ),
        "lessons": (
            "Een livestream is geschikt om informatie te geven, niet om samen een plan te maken. "
            "De chat werd gedomineerd door een paar mensen; een moderator had vaker moeten "
            "ingrijpen."
        ),
        "contact": 30,
    },
    {
        "title": "E-mail van sleutelfuncties automatisch bewaren",
        "municipality": "GM0503",
        "status": "pilot",
        "started_on": "2020-01-01",
        "topics": ["informatiehuishouding", "woo-verzoeken"],
        "values": ["accountability", "technology"],
        "summary": (
            "De e-mail van directie en andere sleutelfuncties wordt in zijn geheel bewaard. "
            "Medewerkers hoeven belangrijke berichten dan niet meer zelf te archiveren."
        ),
        "problem": (
            "Medewerkers moesten zelf belangrijke e-mails in het archiefsysteem opslaan. In de "
            "praktijk gebeurde dat nauwelijks. Bij Wob-verzoeken bleek dat e-mails soms al waren "
            "verwijderd, wat de gemeente kwetsbaar maakte."
        ),
        "approach": (
            "We volgen een aanpak die het Nationaal Archief aanraadt: voor een beperkte groep "
            "functies wordt alle e-mail bewaard. In de pilot gaat het om 25 mailboxen van "
            "directie, managers en bestuursadviseurs.\n\n"
            "Privéberichten kunnen medewerkers in een aparte map zetten. Een archivaris en de "
            "privacyfunctionaris hebben de afspraken samen opgesteld."
        ),
        "result": (
            "De mailboxen worden sinds maart 2020 automatisch bewaard. Bij twee Wob-verzoeken "
            "waren alle relevante e-mails binnen een dag gevonden."
        ),
        "lessons": (
            "Medewerkers schrokken eerst van het idee. Een duidelijke uitleg over de privémap en "
            "over wie toegang heeft, nam veel zorgen weg."
        ),
        "contact": None,
    },
    {
        "title": "Netwerkschijven opruimen volgens de bewaartermijnen",
        "municipality": "GM0796",
        "status": "running",
        "started_on": "2019-05-01",
        "topics": ["informatiehuishouding"],
        "values": ["accountability"],
        "summary": (
            "Teams ruimen met hulp van informatiespecialisten hun netwerkschijven op. Wat "
            "bewaard moet worden, gaat naar het archief; de rest wordt verwijderd."
        ),
        "problem": (
            "Op de netwerkschijven stonden miljoenen bestanden, vaak zonder duidelijke "
            "mappenstructuur. Niemand wist wat er stond en wat weg mocht. Dat maakte zoeken bij "
            "informatieverzoeken traag en bracht privacyrisico's met zich mee."
        ),
        "approach": (
            "Per afdeling plannen we een opruimweek. Een informatiespecialist helpt het team om "
            "met de selectielijst te bepalen wat bewaard moet worden.\n\n"
            "Bestanden die langer dan vijf jaar niet zijn geopend, gaan eerst naar een "
            "tijdelijke map en worden na drie maanden verwijderd als niemand bezwaar maakt. Elk "
            "team heeft een vaste contactpersoon voor informatiebeheer."
        ),
        "result": (
            "In twee jaar is 38 procent van de bestanden verwijderd en zijn 14 afdelingen "
            "overgestapt op een vaste mappenstructuur. Volgens medewerkers gaat zoeken bij "
            "informatieverzoeken merkbaar sneller."
        ),
        "lessons": (
            "Een opruimweek werkt beter dan een algemene oproep. Zonder vaste contactpersoon per "
            "team groeit de rommel weer aan."
        ),
        "contact": 18,
    },
    {
        "title": "Collegebesluiten openbaar met de onderliggende stukken",
        "municipality": "GM0392",
        "status": "running",
        "started_on": "2018-03-01",
        "topics": ["actieve-openbaarmaking"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Het college publiceert elke week de besluitenlijst samen met de adviesnota's en "
            "bijlagen, tenzij er een reden is om iets niet openbaar te maken."
        ),
        "problem": (
            "De besluitenlijst van het college bevatte alleen korte samenvattingen. Wie wilde "
            "weten waarom een besluit was genomen, moest een Wob-verzoek indienen. Dat kostte "
            "inwoners en de gemeente veel tijd."
        ),
        "approach": (
            "Sinds maart 2018 is openbaarmaking van adviezen aan het college het uitgangspunt. "
            "Bij het schrijven van een nota kruist de opsteller aan of de nota openbaar kan, en "
            "zo niet, waarom niet.\n\n"
            "Juridische Zaken toetst de uitzonderingen steekproefsgewijs. De stukken verschijnen "
            "een week na het besluit op de website."
        ),
        "result": (
            "In 2019 werd 87 procent van de nota's volledig openbaar gemaakt en 9 procent deels. "
            "Het aantal Wob-verzoeken over collegebesluiten daalde van 31 naar 12 per jaar."
        ),
        "lessons": (
            "Wie weet dat een tekst openbaar wordt, schrijft anders. Sommige collega's vonden "
            "dat lastig, maar het leidde tot duidelijkere nota's."
        ),
        "contact": None,
    },
    {
        "title": "Adviezen van ambtenaren aan het college actief openbaar",
        "municipality": "GM0935",
        "status": "pilot",
        "started_on": "2020-09-01",
        "topics": ["actieve-openbaarmaking", "open-overheid"],
        "values": ["transparency", "accountability"],
        "summary": (
            "In een pilot van een jaar maakt het domein Ruimte adviezen aan het college "
            "openbaar, inclusief de afwegingen en zonder namen van ambtenaren."
        ),
        "problem": (
            "Bij openbaarmaking werden persoonlijke beleidsopvattingen van ambtenaren vaak "
            "weggelakt. Daardoor bleef voor inwoners onduidelijk welke afwegingen en "
            "alternatieven er waren. Raadsleden vroegen om meer inzicht in hoe besluiten tot "
            "stand komen."
        ),
        "approach": (
            "Vooruitlopend op de Wet open overheid maken we adviezen van het domein Ruimte "
            "openbaar, met de afwegingen maar zonder namen van ambtenaren. Medewerkers weten "
            "vooraf dat hun advies openbaar wordt.\n\n"
            "We houden bij hoeveel adviezen openbaar worden en vragen medewerkers elk kwartaal "
            "of zij anders zijn gaan schrijven."
        ),
        "result": (
            "In de eerste acht maanden zijn 64 adviezen openbaar gemaakt. Een kwart van de "
            "medewerkers zegt voorzichtiger te schrijven; de meesten merken geen verschil."
        ),
        "lessons": (
            "Het risico dat ambtenaren minder vrij adviseren is reëel, dus blijf daarover in "
            "gesprek. Het weglaten van namen maakt het voor medewerkers een stuk makkelijker."
        ),
        "contact": 24,
    },
    {
        "title": "Open dataportaal met datasets over de stad",
        "municipality": "GM0080",
        "status": "running",
        "started_on": "2017-05-01",
        "topics": ["open-data"],
        "values": ["transparency", "technology"],
        "summary": (
            "De gemeente publiceert datasets over onder meer bevolking, verkeer, afval en "
            "vastgoed op een open dataportaal, met een vaste beheerder per dataset."
        ),
        "problem": (
            "Onderzoekers, studenten en bedrijven vroegen regelmatig om gegevens van de "
            "gemeente. Elke vraag werd apart behandeld, soms door verschillende afdelingen. "
            "Gegevens die al eens waren gedeeld, werden niet hergebruikt."
        ),
        "approach": (
            "We zijn begonnen met de 20 datasets die het vaakst werden opgevraagd. Elke dataset "
            "heeft een eigenaar op een afdeling, die zorgt voor de kwaliteit en het "
            "bijwerken.\n\n"
            "Datasets staan in open formaten zoals CSV en GeoJSON, met een korte beschrijving. "
            "Via het portaal kunnen gebruikers om nieuwe datasets vragen."
        ),
        "result": (
            "Het portaal bevat nu 96 datasets en wordt onder meer gebruikt door hogescholen in "
            "de stad. Het aantal losse verzoeken om gegevens is ongeveer gehalveerd."
        ),
        "lessons": (
            "Zonder eigenaar per dataset veroudert een portaal snel. Een jaarlijkse controle van "
            "alle datasets houdt het portaal bruikbaar."
        ),
        "contact": None,
    },
    {
        "title": "Open data op verzoek van inwoners",
        "municipality": "GM0200",
        "status": "stopped",
        "started_on": "2018-09-01",
        "topics": ["open-data", "participatie"],
        "values": ["transparency", "participation"],
        "summary": (
            "Inwoners konden via een formulier om nieuwe datasets vragen. Na anderhalf jaar is "
            "de gemeente gestopt, omdat er weinig verzoeken kwamen."
        ),
        "problem": (
            "De gemeente had een open dataportaal, maar wist niet welke gegevens inwoners en "
            "bedrijven nodig hadden. De datasets die er stonden, werden weinig gebruikt."
        ),
        "approach": (
            "We maakten een formulier waarmee iedereen een dataset kon aanvragen. Een datateam "
            "beoordeelde elk verzoek binnen vier weken.\n\n"
            "We maakten het formulier bekend via de gemeentelijke website, social media en een "
            "bijeenkomst met ondernemers."
        ),
        "result": (
            "In anderhalf jaar kwamen 9 verzoeken binnen, waarvan er 4 zijn gepubliceerd. Omdat "
            "de opbrengst niet opwoog tegen het beheer, is het formulier begin 2020 stopgezet en "
            "zijn de datasets overgezet naar een regionaal portaal."
        ),
        "lessons": (
            "Een formulier alleen is niet genoeg; actief praten met mogelijke gebruikers levert "
            "meer op. Kijk eerst of samenwerken met andere gemeenten meer gebruikers trekt."
        ),
        "contact": 33,
    },
    {
        "title": "Brieven aan inwoners herschrijven in B1-taal",
        "municipality": "GM0344",
        "status": "running",
        "started_on": "2018-01-15",
        "topics": ["toegankelijke-overheidsinformatie"],
        "values": ["transparency", "participation"],
        "summary": (
            "Teams herschrijven de standaardbrieven van de gemeente in duidelijke taal op niveau "
            "B1, samen met inwoners die de brieven lezen."
        ),
        "problem": (
            "Veel inwoners belden na het ontvangen van een brief, omdat ze niet begrepen wat ze "
            "moesten doen. Vooral brieven over belastingen, vergunningen en uitkeringen waren "
            "ambtelijk geschreven. Andere gemeenten hadden dezelfde ervaring."
        ),
        "approach": (
            "We begonnen met de 50 brieven die het vaakst worden verstuurd. Per brief keken we "
            "samen met het klantcontactcentrum welke vragen inwoners erover stellen.\n\n"
            "Taalcoaches herschreven de brieven en inwoners testten de nieuwe versies. Juristen "
            "controleerden of de brief juridisch nog klopte. Medewerkers volgden een "
            "schrijftraining, zodat nieuwe brieven meteen duidelijk zijn."
        ),
        "result": (
            "Na het herschrijven daalde het aantal telefoontjes over de eerste 20 brieven met "
            "gemiddeld 25 procent. Inmiddels zijn ruim 400 brieven herschreven."
        ),
        "lessons": (
            "Begin bij de brieven die de meeste telefoontjes opleveren. Juristen vroeg betrekken "
            "voorkomt discussie aan het eind."
        ),
        "contact": 1,
    },
    {
        "title": "Toegankelijke website en pdf's volgens de WCAG-richtlijnen",
        "municipality": "GM0014",
        "status": "running",
        "started_on": "2019-09-01",
        "topics": ["toegankelijke-overheidsinformatie"],
        "values": ["transparency", "technology"],
        "summary": (
            "De gemeente maakt haar website en documenten toegankelijk voor mensen met een "
            "beperking, volgens de richtlijnen van WCAG 2.1."
        ),
        "problem": (
            "Uit een toets bleek dat de website op veel punten niet toegankelijk was. Pdf's "
            "waren vaak niet te lezen met een schermlezer en formulieren werkten niet zonder "
            "muis. Sinds 2018 zijn overheden wettelijk verplicht om hun websites toegankelijk te "
            "maken."
        ),
        "approach": (
            "We lieten de website toetsen door een onafhankelijk bureau en maakten een "
            "verbeterplan. Webredacteuren kregen een training in toegankelijk schrijven en "
            "publiceren.\n\n"
            "Nieuwe pdf's controleren we voor publicatie met een testprogramma. Waar het kan, "
            "publiceren we informatie als webpagina in plaats van als pdf. Elk halfjaar test een "
            "blinde ervaringsdeskundige de belangrijkste formulieren."
        ),
        "result": (
            "Het aantal problemen bij de jaarlijkse toets daalde van 112 naar 23. Het aantal "
            "pdf's op de website nam af van ongeveer 3.000 naar 1.100."
        ),
        "lessons": (
            "Toegankelijkheid is geen eenmalig project, maar onderdeel van het dagelijkse werk. "
            "Testen met ervaringsdeskundigen laat problemen zien die een automatische toets mist."
        ),
        "contact": None,
    },
    {
        "title": "Coördinator open overheid met contactpersonen in elke directie",
        "municipality": "GM0363",
        "status": "running",
        "started_on": "2019-01-01",
        "topics": ["open-overheid"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Een coördinator open overheid verbindt de initiatieven in de organisatie. In elke "
            "directie is er een contactpersoon."
        ),
        "problem": (
            "Binnen de gemeente liepen veel losse initiatieven rond openbaarheid, open data en "
            "participatie. Ze wisten vaak niet van elkaar, waardoor werk dubbel werd gedaan. "
            "Vragen van raadsleden over open overheid kwamen steeds bij een andere afdeling "
            "terecht."
        ),
        "approach": (
            "We stelden een coördinator open overheid aan voor 0,8 fte. In elke directie werd "
            "een contactpersoon benoemd, die ongeveer vier uur per maand aan het netwerk "
            "besteedt.\n\n"
            "Het netwerk komt elke zes weken bij elkaar om ervaringen te delen. De coördinator "
            "houdt een overzicht bij van alle lopende initiatieven en rapporteert één keer per "
            "jaar aan de raad."
        ),
        "result": (
            "Het overzicht telt nu 31 initiatieven. Twee teams die elk een eigen dataportaal "
            "wilden bouwen, werken nu samen aan één portaal."
        ),
        "lessons": (
            "Een coördinator zonder eigen budget is afhankelijk van de medewerking van "
            "directies. Leg daarom vast hoeveel tijd contactpersonen mogen besteden."
        ),
        "contact": 4,
    },
    {
        "title": "Contracten en aanbestedingen van de gemeente openbaar",
        "municipality": "GM0599",
        "status": "idea",
        "started_on": None,
        "topics": ["actieve-openbaarmaking", "open-data"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Idee om gesloten contracten boven een bepaald bedrag standaard te publiceren, met "
            "een korte samenvatting."
        ),
        "problem": (
            "De gemeente besteedt elk jaar een groot deel van haar budget via contracten met "
            "bedrijven. Inwoners en raadsleden kunnen niet zien wat er precies is afgesproken. "
            "Contracten worden nu alleen na een Wob-verzoek openbaar, vaak met veel gelakte "
            "passages."
        ),
        "approach": (
            "Het idee is om contracten boven 50.000 euro standaard openbaar te maken, met een "
            "samenvatting van bedrag, looptijd en afgesproken prestaties. In de "
            "aanbestedingsstukken staat dan vanaf het begin dat het contract wordt "
            "gepubliceerd.\n\n"
            "Bedrijfsgevoelige informatie, zoals de opbouw van de prijs, mag worden weggelakt, "
            "maar alleen met een motivering. We willen starten met één inkoopcategorie."
        ),
        "result": "",
        "lessons": (
            "Inkopers zijn bang dat bedrijven minder gaan inschrijven. Ervaringen in het "
            "buitenland laten zien dat dat meestal meevalt, maar we willen het eerst zelf testen."
        ),
        "contact": None,
    },
    {
        "title": "Luchtkwaliteit gemeten door inwoners, gepubliceerd als open data",
        "municipality": "GM0772",
        "status": "running",
        "started_on": "2018-04-01",
        "topics": ["open-data", "participatie"],
        "values": ["participation", "technology"],
        "summary": (
            "Inwoners meten met eigen sensoren de luchtkwaliteit in hun straat. De gemeente "
            "publiceert de metingen als open data, samen met de officiële metingen."
        ),
        "problem": (
            "Bewoners langs drukke wegen maakten zich zorgen over fijnstof. De officiële "
            "meetstations stonden niet in hun straat, waardoor de gemeente hun vragen moeilijk "
            "kon beantwoorden."
        ),
        "approach": (
            "Samen met een kennisinstelling en een bewonersgroep plaatsten we ruim 100 "
            "betaalbare sensoren bij inwoners thuis. De metingen komen samen op een openbaar "
            "platform en zijn als open data te downloaden.\n\n"
            "Onderzoekers vergelijken de metingen met de officiële meetstations om te bepalen "
            "hoe betrouwbaar ze zijn. Elk kwartaal is er een bijeenkomst met de deelnemers over "
            "de uitkomsten."
        ),
        "result": (
            "De data worden gebruikt door bewoners, scholen en onderzoekers. Op twee plekken met "
            "hoge waarden heeft de gemeente de route voor vrachtverkeer aangepast."
        ),
        "lessons": (
            "Goedkope sensoren zijn minder nauwkeurig; leg dat uit bij de data. Bewoners blijven "
            "langer meedoen als ze zien dat de gemeente iets met de uitkomsten doet."
        ),
        "contact": 13,
    },
    {
        "title": "Buurtbudget verdeeld door een bewonerscommissie",
        "municipality": "GM0855",
        "status": "stopped",
        "started_on": "2018-03-01",
        "topics": ["participatie", "open-begroting"],
        "values": ["participation", "accountability"],
        "summary": (
            "Een commissie van bewoners verdeelde het buurtbudget in twee wijken. Na twee rondes "
            "is de gemeente gestopt en overgestapt op een open stemronde."
        ),
        "problem": (
            "Het buurtbudget werd verdeeld door ambtenaren op basis van aanvragen. Bewoners "
            "vonden het onduidelijk waarom sommige aanvragen wel en andere niet werden toegekend."
        ),
        "approach": (
            "In twee wijken stelden we een commissie van zeven bewoners in die de aanvragen "
            "beoordeelde. De commissie kreeg een budget van 40.000 euro per jaar en een "
            "ambtenaar als ondersteuner.\n\n"
            "De commissie publiceerde haar besluiten met een korte motivering op de wijkwebsite."
        ),
        "result": (
            "De commissies verdeelden het budget over 26 initiatieven. Er kwam wel kritiek: de "
            "leden waren vooral bewoners die al actief waren, en bekenden zouden voorrang "
            "krijgen. Na twee rondes is de aanpak in 2020 gestopt."
        ),
        "lessons": (
            "Een kleine commissie is kwetsbaar voor de schijn van vriendjespolitiek. Maak vooraf "
            "duidelijke regels over belangenverstrengeling en laat leden na een jaar wisselen."
        ),
        "contact": None,
    },
    {
        "title": "Agenda's van collegeleden openbaar maken",
        "municipality": "GM0193",
        "status": "idea",
        "started_on": None,
        "topics": ["actieve-openbaarmaking", "open-overheid"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Idee voor actieve openbaarmaking van de afspraken die burgemeester en wethouders "
            "met externe partijen hebben, elke week."
        ),
        "problem": (
            "Inwoners en raadsleden weten niet met welke organisaties en bedrijven collegeleden "
            "overleggen. Vooral bij ruimtelijke projecten roept dat vragen op over de invloed "
            "van ontwikkelaars. Sommige andere gemeenten publiceren deze agenda's al."
        ),
        "approach": (
            "Het voorstel is om externe afspraken van collegeleden elke week te publiceren met "
            "datum, organisatie en onderwerp. Privéafspraken en afspraken waarbij veiligheid een "
            "rol speelt, worden niet gepubliceerd.\n\n"
            "Het bestuurssecretariaat zou de publicatie verzorgen vanuit de bestaande agenda's. "
            "Eerst willen we kijken hoe andere gemeenten dit hebben geregeld."
        ),
        "result": "",
        "lessons": (
            "In de eerste gesprekken met het college bleek dat een duidelijke afbakening van "
            "'externe afspraak' nodig is voor draagvlak."
        ),
        "contact": 36,
    },
    {
        "title": "Raadsvergaderingen ondertiteld en doorzoekbaar",
        "municipality": "GM0392",
        "status": "pilot",
        "started_on": "2021-01-01",
        "topics": ["open-raadsinformatie", "toegankelijke-overheidsinformatie"],
        "values": ["transparency", "technology"],
        "summary": (
            "Opnames van raads- en commissievergaderingen krijgen automatische ondertiteling. De "
            "tekst is doorzoekbaar en gekoppeld aan de agendapunten."
        ),
        "problem": (
            "Vergaderingen van de raad waren online te volgen, maar niet voor doven en "
            "slechthorenden. Wie een debat wilde terugkijken, moest lang zoeken naar het juiste "
            "moment. Verslagen verschenen pas weken later."
        ),
        "approach": (
            "Met spraakherkenning maken we na elke vergadering een ondertiteling en een "
            "volledige tekst. Een medewerker van de griffie controleert namen en vaktermen.\n\n"
            "De tekst is gekoppeld aan de video, zodat inwoners op een woord kunnen zoeken en "
            "direct naar dat moment kunnen gaan. Raadsleden kunnen binnen een week fouten melden."
        ),
        "result": (
            "In de eerste vijf maanden zijn 38 vergaderingen ondertiteld. Na controle is "
            "ongeveer 95 procent van de tekst correct; dialect en door elkaar praten blijven "
            "lastig."
        ),
        "lessons": (
            "Automatische ondertiteling is niet foutloos, dus vermeld dat duidelijk. De controle "
            "van namen kost de griffie ongeveer een uur per vergadering."
        ),
        "contact": None,
    },
    {
        "title": "Jongerenpanel dat meepraat over gemeentelijk beleid",
        "municipality": "GM0268",
        "status": "running",
        "started_on": "2019-10-01",
        "topics": ["participatie"],
        "values": ["participation"],
        "summary": (
            "Een panel van ongeveer 300 jongeren tussen 14 en 23 jaar krijgt vier keer per jaar "
            "korte vragen over plannen van de gemeente."
        ),
        "problem": (
            "Jongeren kwamen bijna nooit naar inspraakavonden en reageerden weinig op enquêtes. "
            "Toch gaan veel besluiten over hen, zoals over uitgaan, sport en onderwijs."
        ),
        "approach": (
            "We werven panelleden via scholen, sportclubs en social media. De vragenlijsten zijn "
            "kort, maximaal tien minuten, en werken goed op een telefoon.\n\n"
            "Bij elke ronde laten we zien wat er met de antwoorden van de vorige ronde is "
            "gedaan. Jongeren uit het panel helpen mee met het opstellen van de vragen."
        ),
        "result": (
            "Per ronde reageren gemiddeld 180 jongeren. De uitkomsten zijn gebruikt voor het "
            "jongerenwerk en het plan voor de sportparken."
        ),
        "lessons": (
            "Jongeren willen snel horen wat er met hun antwoorden gebeurt. Panelleden die zelf "
            "vragen bedenken, zorgen dat de vragen aansluiten bij hun leefwereld."
        ),
        "contact": 22,
    },
    {
        "title": "Ethische toets voordat een algoritme in gebruik gaat",
        "municipality": "GM0503",
        "status": "pilot",
        "started_on": "2021-04-01",
        "topics": ["algoritmes"],
        "values": ["accountability", "technology"],
        "summary": (
            "Een team met een ethicus, een jurist en een dataspecialist toetst nieuwe algoritmes "
            "voordat de gemeente ze gaat gebruiken."
        ),
        "problem": (
            "Teams wilden algoritmes gebruiken om bijvoorbeeld fraude of onderhoud te "
            "voorspellen. Er was geen vaste plek om vooraf te bespreken of dat eerlijk en "
            "wenselijk is. De toeslagenaffaire liet zien wat er mis kan gaan als niemand die "
            "vraag stelt."
        ),
        "approach": (
            "Elk team dat een algoritme wil inzetten, vult een vragenlijst in over doel, "
            "gegevens, risico op discriminatie en menselijke controle. Daarna volgt een gesprek "
            "van twee uur met het toetsingsteam.\n\n"
            "Het toetsingsteam geeft een advies aan de directeur. Goedgekeurde algoritmes komen "
            "later in het algoritmeregister dat de gemeente wil opzetten."
        ),
        "result": (
            "In de pilot zijn 4 algoritmes getoetst. Eén voorstel is aangepast, omdat het "
            "gebruik van nationaliteit als gegeven niet nodig bleek."
        ),
        "lessons": (
            "Toets vroeg, als er nog niets is gebouwd; dan zijn aanpassingen eenvoudig. Gebruik "
            "een bestaande vragenlijst in plaats van zelf een nieuwe te maken."
        ),
        "contact": None,
    },
    {
        "title": "Webteksten in B1-taal en in het Fries",
        "municipality": "GM0080",
        "status": "pilot",
        "started_on": "2020-03-01",
        "topics": ["toegankelijke-overheidsinformatie"],
        "values": ["transparency", "participation"],
        "summary": (
            "De gemeente herschrijft de meest bezochte pagina's van haar website in B1-taal en "
            "biedt ze ook in het Fries aan."
        ),
        "problem": (
            "Veel webpagina's waren lang en ambtelijk geschreven. Daarnaast is Leeuwarden een "
            "tweetalige gemeente, maar informatie in het Fries was nauwelijks te vinden."
        ),
        "approach": (
            "We kozen de 60 meest bezochte pagina's, zoals die over paspoorten, afval en "
            "parkeren. Webredacteuren herschreven ze in B1-taal en een vertaler maakte een "
            "Friese versie.\n\n"
            "Bij elke pagina staat de vraag 'Was deze informatie duidelijk?'. Met de reacties "
            "passen we de teksten aan."
        ),
        "result": (
            "Op de herschreven pagina's steeg het aandeel bezoekers dat de informatie duidelijk "
            "vond van 58 naar 79 procent. De Friese pagina's worden minder bezocht dan verwacht: "
            "ongeveer 3 procent van de bezoeken."
        ),
        "lessons": (
            "Korte teksten kosten meer schrijftijd dan lange. Een tweetalige website moet je bij "
            "elke wijziging in beide talen bijwerken; plan daar capaciteit voor."
        ),
        "contact": 26,
    },
    {
        "title": "Besluiten op Wob-verzoeken standaard online publiceren",
        "municipality": "GM0153",
        "status": "running",
        "started_on": "2018-11-01",
        "topics": ["woo-verzoeken", "actieve-openbaarmaking"],
        "values": ["transparency"],
        "summary": (
            "Na afhandeling van een Wob-verzoek zet de gemeente het besluit en de vrijgegeven "
            "documenten op de website, zodat iedereen ze kan inzien."
        ),
        "problem": (
            "Informatie die na een Wob-verzoek openbaar werd, kreeg alleen de verzoeker te zien. "
            "Andere inwoners moesten voor dezelfde documenten opnieuw een verzoek indienen. Dat "
            "leidde tot dubbel werk."
        ),
        "approach": (
            "Elk besluit op een Wob-verzoek wordt twee weken na verzending aan de verzoeker op "
            "een vaste pagina gepubliceerd. Persoonsgegevens van de verzoeker worden "
            "verwijderd.\n\n"
            "Documenten krijgen doorzoekbare tekst en een korte omschrijving. De pagina is te "
            "doorzoeken op onderwerp en jaar."
        ),
        "result": (
            "Sinds de start zijn 117 besluiten gepubliceerd. In 2020 werden vijf verzoeken "
            "direct beantwoord met een verwijzing naar stukken die al openbaar waren."
        ),
        "lessons": (
            "Twee weken wachten geeft de verzoeker, vaak een journalist, de kans om als eerste "
            "te publiceren. Dat voorkomt discussie met de lokale pers over de openbaarmaking."
        ),
        "contact": None,
    },
    {
        "title": "Interactieve begrotingswebsite",
        "municipality": "GM0202",
        "status": "stopped",
        "started_on": "2017-10-01",
        "topics": ["open-begroting", "open-data"],
        "values": ["transparency", "technology"],
        "summary": (
            "Op een website konden inwoners met grafieken door de begroting klikken. In 2020 is "
            "de gemeente gestopt vanwege de kosten en het lage gebruik."
        ),
        "problem": (
            "De begroting was alleen als groot pdf-document beschikbaar. De raad vroeg om de "
            "begroting toegankelijker te maken voor inwoners."
        ),
        "approach": (
            "We namen een abonnement op een platform dat begrotingsgegevens omzet in "
            "interactieve grafieken. Inwoners konden per programma zien hoeveel geld er werd "
            "uitgegeven.\n\n"
            "De afdeling Financiën leverde de gegevens elk jaar aan. Bij de lancering maakten we "
            "de website bekend via lokale media en social media."
        ),
        "result": (
            "Na de lancering daalde het aantal bezoekers snel, tot ongeveer 150 per maand. Omdat "
            "de licentiekosten hoog waren en vooral ambtenaren de website gebruikten, is de "
            "gemeente er in 2020 mee gestopt. Nu maakt zij een korte samenvatting van de "
            "begroting in eenvoudige taal."
        ),
        "lessons": (
            "Grafieken alleen maken een begroting niet begrijpelijk; inwoners hebben vooral "
            "uitleg nodig. Onderzoek vooraf wie de doelgroep is en wat die wil weten."
        ),
        "contact": 16,
    },
    {
        "title": "Bewonersavond in elke wijk voordat de raad de kadernota bespreekt",
        "municipality": "GM0935",
        "status": "idea",
        "started_on": None,
        "topics": ["participatie", "open-begroting"],
        "values": ["participation", "accountability"],
        "summary": (
            "Idee om voor de kadernota in elke wijk een avond te organiseren waar inwoners hun "
            "prioriteiten voor de begroting kunnen aangeven."
        ),
        "problem": (
            "Inwoners kunnen pas reageren op de begroting als de keuzes al zijn gemaakt. "
            "Insprekers bij de raad zijn vooral vertegenwoordigers van organisaties. Wat "
            "inwoners in de wijken belangrijk vinden, komt zo weinig in beeld."
        ),
        "approach": (
            "Het idee is om in het voorjaar in elke wijk een avond te houden met raadsleden van "
            "verschillende fracties. Inwoners verdelen daar met een spel een fictief budget over "
            "thema's.\n\n"
            "De uitkomsten komen in een verslag dat de raad bij de kadernota ontvangt. De "
            "griffie organiseert de avonden, zodat ze los staan van het college."
        ),
        "result": "",
        "lessons": (
            "Raadsleden willen meedoen, maar vragen om vooraf duidelijk te maken dat inwoners "
            "advies geven en geen besluiten nemen."
        ),
        "contact": None,
    },
    {
        "title": "Chatberichten en e-mail van bestuurders bewaren",
        "municipality": "GM0687",
        "status": "pilot",
        "started_on": "2021-05-01",
        "topics": ["informatiehuishouding", "woo-verzoeken"],
        "values": ["accountability"],
        "summary": (
            "De gemeente test afspraken over het bewaren van sms-, WhatsApp- en e-mailberichten "
            "van burgemeester, wethouders en gemeentesecretaris."
        ),
        "problem": (
            "Bestuurders gebruiken steeds vaker chatberichten voor werkoverleg. Die berichten "
            "vallen onder de Archiefwet en de Wob, maar werden niet bewaard. Bij een "
            "informatieverzoek kon de gemeente niet zeggen of er relevante berichten waren."
        ),
        "approach": (
            "Samen met de archivaris maakten we een korte instructie: berichten over besluiten "
            "of afspraken worden elke maand geëxporteerd en in het archiefsysteem gezet. "
            "Bestuurders krijgen een zakelijke telefoon, gescheiden van hun privételefoon.\n\n"
            "De bestuurssecretaris helpt bij het exporteren. Na zes maanden evalueren we hoe "
            "vaak berichten worden bewaard en hoeveel tijd het kost."
        ),
        "result": (
            "Na drie maanden hebben vier van de zes bestuurders hun berichten opgeslagen. "
            "Exporteren kost ongeveer een half uur per persoon per maand."
        ),
        "lessons": (
            "Het helpt als de gemeentesecretaris zelf het goede voorbeeld geeft. Zonder vaste "
            "ondersteuning schiet het exporteren er snel bij in."
        ),
        "contact": 38,
    },
    {
        "title": "Jaarlijkse open data hackathon",
        "municipality": "GM0796",
        "status": "stopped",
        "started_on": "2017-11-01",
        "topics": ["open-data"],
        "values": ["technology", "participation"],
        "summary": (
            "Drie jaar lang organiseerde de gemeente een hackathon met open data. Daarna is zij "
            "gestopt, omdat er weinig blijvende toepassingen uit voortkwamen."
        ),
        "problem": (
            "De gemeente publiceerde open data, maar zag weinig hergebruik. Een hackathon leek "
            "een goede manier om ontwikkelaars en studenten met de gegevens aan de slag te laten "
            "gaan."
        ),
        "approach": (
            "Elk najaar organiseerden we een hackathon van twee dagen, met opdrachten van "
            "verschillende afdelingen. Studenten, ontwikkelaars en ambtenaren deden mee.\n\n"
            "De winnaar kreeg een geldprijs en de kans om het idee met de gemeente verder uit te "
            "werken."
        ),
        "result": (
            "Elk jaar deden 40 tot 60 mensen mee, grotendeels dezelfde groep. Van de 23 "
            "prototypes is er één verder ontwikkeld. Na de editie van 2019 is besloten het "
            "budget anders te besteden."
        ),
        "lessons": (
            "Een hackathon levert energie op, maar zelden een product. Koppel opdrachten aan een "
            "afdeling die ook na de hackathon tijd en budget heeft om door te gaan."
        ),
        "contact": None,
    },
    {
        "title": "Online participatieplatform voor alle projecten",
        "municipality": "GM0034",
        "status": "stopped",
        "started_on": "2018-05-01",
        "topics": ["participatie"],
        "values": ["participation", "technology"],
        "summary": (
            "De gemeente startte een platform waarop inwoners op alle projecten konden reageren. "
            "Eind 2019 is het gestopt, vanwege weinig gebruik en hoge kosten voor moderatie."
        ),
        "problem": (
            "Participatie was per project anders geregeld. Inwoners wisten niet waar ze moesten "
            "reageren en wat er met hun reactie gebeurde."
        ),
        "approach": (
            "We kozen een online platform waarop elk project een eigen pagina kreeg, met een "
            "reactiemogelijkheid en een stemfunctie. Projectleiders moesten binnen twee weken op "
            "reacties antwoorden.\n\n"
            "Het platform werd bekendgemaakt met een campagne in de stad."
        ),
        "result": (
            "Van de 40 geplande projecten zijn er 15 op het platform gezet. De meeste reacties "
            "kwamen van een kleine groep inwoners en de moderatie kostte meer tijd dan verwacht. "
            "Eind 2019 is het platform stopgezet; projecten kiezen nu zelf een vorm, met een "
            "vaste paragraaf over participatie."
        ),
        "lessons": (
            "Een platform lost niets op als projectleiders er geen tijd voor hebben. Maak eerst "
            "afspraken over terugkoppeling en kies daarna pas een middel."
        ),
        "contact": 19,
    },
    {
        "title": "Open overheid in het inwerkprogramma voor nieuwe medewerkers",
        "municipality": "GM0307",
        "status": "running",
        "started_on": "2019-09-01",
        "topics": ["open-overheid", "informatiehuishouding"],
        "values": ["transparency", "participation"],
        "summary": (
            "Nieuwe medewerkers volgen een workshop van een dagdeel over openbaarheid, "
            "informatiebeheer en samenwerken met inwoners."
        ),
        "problem": (
            "Nieuwe medewerkers wisten vaak niet dat hun e-mails en notities openbaar kunnen "
            "worden. Ook was onduidelijk hoe zij inwoners bij hun werk kunnen betrekken. Fouten "
            "kwamen vaak pas aan het licht bij een Wob-verzoek."
        ),
        "approach": (
            "Met het team Informatiebeheer en de participatieadviseurs maakten we een workshop "
            "van drie uur. Aan de hand van voorbeelden uit de eigen gemeente oefenen deelnemers "
            "met vragen als 'Mag dit in een e-mail?' en 'Wie moet ik hierover informeren?'.\n\n"
            "De workshop is verplicht voor alle nieuwe medewerkers en wordt elke twee maanden "
            "gegeven."
        ),
        "result": (
            "Sinds de start hebben ongeveer 350 medewerkers de workshop gevolgd. Deelnemers "
            "geven de workshop gemiddeld een 7,8."
        ),
        "lessons": (
            "Voorbeelden uit de eigen organisatie werken beter dan uitleg over de wet. Na een "
            "jaar is herhaling nodig, want veel kennis zakt weg."
        ),
        "contact": None,
    },
    {
        "title": "Bewaarregels voor chats en bestanden in Microsoft Teams",
        "municipality": "GM0200",
        "status": "idea",
        "started_on": None,
        "topics": ["informatiehuishouding"],
        "values": ["accountability", "technology"],
        "summary": (
            "Idee om duidelijke regels te maken over wat in Teams wordt bewaard en hoe lang, "
            "voordat het gebruik verder groeit."
        ),
        "problem": (
            "Sinds 2020 werken veel medewerkers thuis en gebruiken ze Teams voor overleg. Chats "
            "en bestanden staan verspreid over honderden teams. Niemand weet welke informatie "
            "volgens de Archiefwet bewaard moet worden."
        ),
        "approach": (
            "Het idee is om elk team in Teams te koppelen aan een zaak of dossier, zodat "
            "bestanden automatisch de juiste bewaartermijn krijgen. Chats bewaren we dan een "
            "beperkte tijd, behalve als er besluiten in staan.\n\n"
            "We willen dit eerst bespreken met de archivaris, de privacyfunctionaris en de "
            "ondernemingsraad."
        ),
        "result": "",
        "lessons": (
            "Collega's bij andere gemeenten raden aan om eerst met een klein aantal teams te "
            "testen, voordat je regels voor de hele organisatie vastlegt."
        ),
        "contact": 37,
    },
    {
        "title": "Wijkbudget met een open overzicht van uitgaven in de wijk",
        "municipality": "GM0606",
        "status": "pilot",
        "started_on": "2020-09-01",
        "topics": ["participatie", "open-begroting"],
        "values": ["participation", "transparency"],
        "summary": (
            "Bewoners van één wijk bepalen samen hoe een deel van het wijkbudget wordt besteed. "
            "Een open overzicht laat zien wat de gemeente al in de wijk uitgeeft."
        ),
        "problem": (
            "Bewoners wisten niet hoeveel geld de gemeente in hun wijk uitgaf en waaraan. Het "
            "vertrouwen in de gemeente was laag en er waren weinig actieve bewonersgroepen."
        ),
        "approach": (
            "De gemeente maakte een overzicht van alle uitgaven in de wijk en publiceerde dat op "
            "een eenvoudige website. Voor 60.000 euro konden bewoners zelf plannen indienen.\n\n"
            "Op drie bewonersavonden in het buurthuis kozen bewoners welke plannen werden "
            "uitgevoerd. Een opbouwwerker hielp bewoners met minder ervaring om hun plan op te "
            "schrijven."
        ),
        "result": (
            "Er kwamen 31 plannen binnen; 12 zijn uitgevoerd, onder meer een moestuin en extra "
            "verlichting bij een speeltuin. Aan de avonden deden in totaal ongeveer 150 bewoners "
            "mee."
        ),
        "lessons": (
            "De hulp van de opbouwwerker was nodig om ook andere bewoners dan de bekende "
            "gezichten te bereiken. Het overzicht van uitgaven leverde veel vragen op; zorg dat "
            "iemand die kan beantwoorden."
        ),
        "contact": 10,
    },
    {
        "title": "Subsidieregister als open data",
        "municipality": "GM0518",
        "status": "running",
        "started_on": "2019-01-01",
        "topics": ["open-data", "actieve-openbaarmaking"],
        "values": ["transparency", "accountability"],
        "summary": (
            "De gemeente publiceert elk kwartaal welke organisaties subsidie krijgen, hoeveel en "
            "waarvoor, als open dataset."
        ),
        "problem": (
            "De gemeente verstrekt elk jaar honderden subsidies. Raadsleden en journalisten "
            "vroegen regelmatig om overzichten, die steeds met de hand werden gemaakt. Subsidies "
            "aan personen mogen om privacyredenen niet zomaar openbaar worden."
        ),
        "approach": (
            "Alle subsidies worden op één manier geregistreerd in het subsidiesysteem. Elk "
            "kwartaal wordt automatisch een dataset gemaakt met ontvanger, bedrag, regeling en "
            "doel.\n\n"
            "Subsidies aan natuurlijke personen publiceren we zonder naam. De dataset staat op "
            "het open dataportaal en is ook als tabel op de website te bekijken."
        ),
        "result": (
            "Het register bevat nu meer dan 4.000 subsidies. Verzoeken om overzichten van "
            "subsidies komen nauwelijks nog binnen."
        ),
        "lessons": (
            "De registratie in het subsidiesysteem moest eerst worden opgeschoond, omdat "
            "omschrijvingen vaak onbruikbaar waren. Dat kostte meer tijd dan het publiceren zelf."
        ),
        "contact": None,
    },
    {
        "title": "Dashboard met de doorlooptijd van Wob-verzoeken",
        "municipality": "GM0546",
        "status": "idea",
        "started_on": None,
        "topics": ["woo-verzoeken", "open-data"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Idee om op de website te laten zien hoeveel informatieverzoeken binnenkomen, hoe "
            "lang de afhandeling duurt en hoeveel er op tijd zijn."
        ),
        "problem": (
            "De gemeente rapporteert één keer per jaar aan de raad over Wob-verzoeken. "
            "Verzoekers hebben geen zicht op hoe lang een verzoek gemiddeld duurt. Ze bellen "
            "daarom vaak om te vragen hoe het ervoor staat."
        ),
        "approach": (
            "Het idee is om gegevens uit het registratiesysteem elke maand automatisch op een "
            "dashboard te zetten: aantal verzoeken, gemiddelde doorlooptijd en percentage op "
            "tijd. Verzoekers krijgen een nummer waarmee ze de status van hun eigen verzoek "
            "kunnen volgen.\n\n"
            "Eerst moet de registratie van verzoeken betrouwbaarder worden, want data worden nu "
            "niet altijd ingevuld."
        ),
        "result": "",
        "lessons": (
            "Een dashboard laat ook zien waar het niet goed gaat. Het college moet bereid zijn "
            "die cijfers openbaar te maken."
        ),
        "contact": None,
    },
    {
        "title": "Lobbyregister: contacten met belangenbehartigers openbaar",
        "municipality": "GM0153",
        "status": "idea",
        "started_on": None,
        "topics": ["actieve-openbaarmaking", "open-overheid"],
        "values": ["transparency", "accountability"],
        "summary": (
            "Idee om gesprekken van collegeleden en directeuren met lobbyisten en "
            "projectontwikkelaars vast te leggen en te publiceren."
        ),
        "problem": (
            "Bij grote bouwprojecten vragen inwoners zich af welke invloed ontwikkelaars hebben "
            "gehad. Contacten tussen ontwikkelaars en de gemeente zijn nu niet zichtbaar. "
            "Raadsleden stelden hierover in 2020 vragen."
        ),
        "approach": (
            "Het voorstel is een eenvoudig register met datum, organisatie, deelnemers van de "
            "gemeente en onderwerp. Het register geldt voor gesprekken over zaken waarover de "
            "raad of het college nog moet beslissen.\n\n"
            "We willen leren van andere overheden die al een lobbyregister hebben en het idee "
            "eerst bespreken met de raad."
        ),
        "result": "",
        "lessons": (
            "De discussie gaat vooral over de vraag wat een lobbycontact is. Een te brede "
            "definitie maakt het register onwerkbaar."
        ),
        "contact": None,
    },
]
