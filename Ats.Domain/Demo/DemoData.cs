using Ats.Domain.Identity;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Sources;

namespace Ats.Domain.Demo;

internal sealed record UserSpec(string Key, string Email, string DisplayName, string Role);

internal sealed record RequirementSpec(string Text, int Weight, string[] Keywords);

internal sealed record KnockoutSpec(string Text, string[] Keywords);

/// One demo job. German jobs get German descriptions, fit explanations and notes.
internal sealed record JobSpec(
    string Slug, string Code, string Title, string Department, JobStatus Status, EmploymentType Employment,
    WorkplaceType Workplace, string City, string State, string Zip, string Address, int MinPay, int MaxPay,
    bool German, double Weight, int AgeDays, string[] HiringManagers, string[] Interviewers,
    string[] Tasks, string[] Profile, RequirementSpec[] Requirements, KnockoutSpec[] Knockouts, string[] Skills,
    string? Duration = null);

internal sealed record OriginSpec(int Weight, string[] FirstNames, string[] LastNames);

internal sealed record CitySpec(string City, string State, int Weight);

internal sealed record TemplateSpec(string Key, string Name, string Subject, string Body, Stage? Stage, bool Active);

/// Static tables for <see cref="DemoSeeder"/>. Names and places only; all randomness lives in the seeder.
internal static class DemoData
{
    public const string Country = "Deutschland";
    public const string RecruiterPhone = "+49 30 5550 1234";

    public static readonly UserSpec[] Users =
    [
        new("admin", DemoSeeder.AdminEmail, "Anna Admin", Roles.Admin),
        new("recruiter", DemoSeeder.RecruiterEmail, "Rita Recruiter", Roles.Recruiter),
        new("manager", DemoSeeder.ManagerEmail, "Markus Manager", Roles.HiringManager),
        new("recruiter2", "jonas.becker@demo.example", "Jonas Becker", Roles.Recruiter),
        new("manager2", "sabine.hoffmann@demo.example", "Sabine Hoffmann", Roles.HiringManager),
        new("interviewer", "deniz.yilmaz@demo.example", "Deniz Yılmaz", Roles.HiringManager),
    ];

    public static readonly (string Name, SourceKind Kind, int Weight)[] Sources =
    [
        ("LinkedIn", SourceKind.Linkedin, 30),
        ("Indeed", SourceKind.Indeed, 18),
        ("Mitarbeiterempfehlung", SourceKind.Referral, 10),
        ("Karriereseite", SourceKind.CareersPage, 25),
        ("Active Sourcing", SourceKind.ActiveSourcing, 11),
        ("Sonstige", SourceKind.Other, 6),
    ];

    public static readonly JobSpec[] Jobs =
    [
        new("senior-backend-developer", "ENG-101", "Senior Backend Developer (m/w/d)", "Engineering",
            JobStatus.Open, EmploymentType.FullTime, WorkplaceType.Hybrid,
            "Berlin", "Berlin", "10115", "Invalidenstraße 112", 70_000, 90_000, German: false, Weight: 4, AgeDays: 88,
            HiringManagers: ["manager"], Interviewers: ["interviewer"],
            Tasks: ["Design and build services for our order and payment platform", "Own features end to end, from API design to monitoring in production", "Mentor mid-level developers and review code", "Shape our move towards event-driven architecture"],
            Profile: ["5+ years of backend development with C# and .NET", "Solid SQL and data modelling skills", "Experience with Docker, Kubernetes and a public cloud", "Fluent English; German is a plus"],
            Requirements: [new("C#/.NET backend development", 5, ["c#", ".net", "asp.net core"]), new("relational databases and SQL", 4, ["sql", "postgresql", "ef core"]), new("containers and cloud", 3, ["docker", "kubernetes", "azure"]), new("event-driven architecture", 2, ["kafka", "rabbitmq", "messaging"])],
            Knockouts: [new("Work permit for Germany", ["work permit", "eu citizen", "blue card"]), new("Fluent English (C1)", ["english c1", "fluent english"])],
            Skills: ["C#", ".NET", "ASP.NET Core", "EF Core", "PostgreSQL", "SQL", "Docker", "Kubernetes", "Azure", "Kafka", "REST", "Microservices", "Git", "CI/CD"]),
        new("frontend-developer-react", "ENG-102", "Frontend Developer React (m/w/d)", "Engineering",
            JobStatus.Open, EmploymentType.FullTime, WorkplaceType.Remote,
            "Hamburg", "Hamburg", "20457", "Am Sandtorkai 50", 55_000, 72_000, German: false, Weight: 3.5, AgeDays: 80,
            HiringManagers: ["manager"], Interviewers: ["interviewer"],
            Tasks: ["Build the customer-facing shop and our internal tools in React", "Work closely with design on our component library", "Make accessibility and performance part of every release"],
            Profile: ["3+ years with React and TypeScript", "An eye for detail and good CSS skills", "Experience with automated testing (Jest, Playwright)"],
            Requirements: [new("React and TypeScript", 5, ["react", "typescript"]), new("accessible, responsive UI", 3, ["accessibility", "css", "wcag"]), new("automated UI testing", 3, ["jest", "playwright", "testing library"]), new("design systems", 2, ["storybook", "figma", "design system"])],
            Knockouts: [new("Residence in Germany (remote within DE)", ["wohnsitz deutschland", "germany"])],
            Skills: ["React", "TypeScript", "JavaScript", "Next.js", "CSS", "Tailwind", "Jest", "Playwright", "Figma", "Accessibility", "GraphQL", "Storybook"]),
        new("devops-engineer", "ENG-103", "DevOps Engineer (m/w/d)", "Engineering",
            JobStatus.Paused, EmploymentType.FullTime, WorkplaceType.Hybrid,
            "München", "Bayern", "80331", "Sonnenstraße 24", 65_000, 85_000, German: false, Weight: 1.5, AgeDays: 76,
            HiringManagers: ["manager"], Interviewers: [],
            Tasks: ["Run and automate our Kubernetes platform", "Build CI/CD pipelines that teams love to use", "Improve observability and incident response"],
            Profile: ["Hands-on Kubernetes and Terraform experience", "Solid Linux and networking basics", "Willingness to join the on-call rotation"],
            Requirements: [new("Kubernetes operations", 5, ["kubernetes", "helm", "k8s"]), new("infrastructure as code", 4, ["terraform", "ansible", "bicep"]), new("CI/CD pipelines", 3, ["github actions", "gitlab ci", "azure devops"]), new("monitoring and alerting", 2, ["prometheus", "grafana", "opentelemetry"])],
            Knockouts: [new("On-call readiness", ["on-call", "rufbereitschaft"])],
            Skills: ["Kubernetes", "Terraform", "Docker", "Azure", "AWS", "Linux", "Prometheus", "Grafana", "GitHub Actions", "Ansible", "Bash", "Helm"]),
        new("product-owner-e-commerce", "PRD-201", "Product Owner E-Commerce (m/w/d)", "Product",
            JobStatus.Draft, EmploymentType.FullTime, WorkplaceType.Hybrid,
            "Berlin", "Berlin", "10115", "Invalidenstraße 112", 60_000, 78_000, German: true, Weight: 0, AgeDays: 4,
            HiringManagers: ["manager"], Interviewers: ["interviewer"],
            Tasks: ["Du verantwortest das Backlog für Checkout und Payment", "Du übersetzt Kundenbedürfnisse in klare User Stories", "Du misst den Erfolg neuer Features mit Daten"],
            Profile: ["Mehrjährige Erfahrung als Product Owner im E-Commerce", "Sicherer Umgang mit Scrum und Jira", "Analytisches Denken und Kommunikationsstärke"],
            Requirements: [new("Product-Owner-Erfahrung im E-Commerce", 5, ["product owner", "e-commerce"]), new("Scrum und agile Methoden", 4, ["scrum", "jira", "agile"]), new("datengetriebene Entscheidungen", 3, ["analytics", "sql", "ab-test"])],
            Knockouts: [new("Deutsch fließend (C1)", ["deutsch c1", "deutsch muttersprache"])],
            Skills: ["Scrum", "Jira", "E-Commerce", "User Stories", "Google Analytics", "SQL"]),
        new("vertriebsmitarbeiter-innendienst", "SAL-301", "Vertriebsmitarbeiter Innendienst (m/w/d)", "Sales",
            JobStatus.Open, EmploymentType.FullTime, WorkplaceType.Onsite,
            "Köln", "Nordrhein-Westfalen", "50667", "Hohe Straße 68", 40_000, 52_000, German: true, Weight: 3, AgeDays: 84,
            HiringManagers: ["manager2"], Interviewers: [],
            Tasks: ["Du betreust unsere B2B-Bestandskunden telefonisch und per E-Mail", "Du erstellst Angebote und verfolgst sie konsequent nach", "Du pflegst unser CRM und arbeitest eng mit dem Außendienst zusammen"],
            Profile: ["Abgeschlossene kaufmännische Ausbildung", "Erste Erfahrung im B2B-Vertrieb", "Sicherer Umgang mit CRM-Systemen", "Sehr gutes Deutsch in Wort und Schrift"],
            Requirements: [new("Erfahrung im B2B-Vertrieb", 5, ["b2b", "vertrieb", "sales"]), new("kaufmännische Ausbildung", 4, ["kaufmann", "kauffrau", "ausbildung"]), new("CRM-Kenntnisse", 3, ["salesforce", "hubspot", "crm"]), new("telefonische Kundenbetreuung", 3, ["telefon", "kundenbetreuung", "inside sales"])],
            Knockouts: [new("Deutsch auf Muttersprachniveau", ["deutsch muttersprache", "deutsch c2"])],
            Skills: ["B2B-Vertrieb", "Salesforce", "HubSpot", "Angebotserstellung", "Kundenbetreuung", "MS Office", "SAP SD", "Verhandlungsführung"]),
        new("key-account-manager-dach", "SAL-302", "Key Account Manager DACH (m/w/d)", "Sales",
            JobStatus.Open, EmploymentType.FullTime, WorkplaceType.Hybrid,
            "Frankfurt am Main", "Hessen", "60311", "Neue Mainzer Straße 52", 65_000, 85_000, German: true, Weight: 2, AgeDays: 70,
            HiringManagers: ["manager2"], Interviewers: [],
            Tasks: ["Du entwickelst unsere wichtigsten Handelskunden in Deutschland, Österreich und der Schweiz", "Du führst Jahresgespräche und verhandelst Konditionen", "Du erkennst Cross-Selling-Potenziale und setzt sie um"],
            Profile: ["Mindestens fünf Jahre Erfahrung im Key Account Management", "Ein belastbares Netzwerk im DACH-Handel", "Verhandlungssicheres Deutsch und Englisch", "Reisebereitschaft (ca. 30 %)"],
            Requirements: [new("Key Account Management", 5, ["key account", "kam"]), new("Netzwerk im DACH-Handel", 3, ["handel", "retail", "dach"]), new("verhandlungssicheres Englisch", 3, ["englisch", "english"]), new("Reisebereitschaft", 2, ["reisebereitschaft"])],
            Knockouts: [new("Führerschein Klasse B", ["führerschein"])],
            Skills: ["Key Account Management", "Verhandlungsführung", "Salesforce", "Jahresgespräche", "Retail", "Präsentation", "Englisch C1"]),
        new("performance-marketing-manager", "MKT-401", "Performance Marketing Manager (m/w/d)", "Marketing",
            JobStatus.Open, EmploymentType.FullTime, WorkplaceType.Hybrid,
            "Berlin", "Berlin", "10115", "Invalidenstraße 112", 55_000, 70_000, German: true, Weight: 3, AgeDays: 66,
            HiringManagers: ["manager2"], Interviewers: ["recruiter2"],
            Tasks: ["Du steuerst unsere Kampagnen auf Google Ads und Meta", "Du verantwortest ein sechsstelliges Mediabudget", "Du testest, misst und optimierst – jede Woche"],
            Profile: ["Drei Jahre Erfahrung im Performance Marketing", "Sicher in GA4 und Looker Studio", "Zahlenaffin und hands-on"],
            Requirements: [new("Google Ads und Meta Ads", 5, ["google ads", "meta ads", "sea"]), new("Web-Analyse", 4, ["ga4", "google analytics", "matomo"]), new("Budgetverantwortung", 3, ["budget", "roas"]), new("A/B-Testing", 2, ["a/b-test", "experiment"])],
            Knockouts: [new("Deutsch und Englisch fließend", ["deutsch", "englisch"])],
            Skills: ["Google Ads", "Meta Ads", "GA4", "Looker Studio", "SEO", "A/B-Testing", "Excel", "Content Marketing"]),
        new("hr-business-partner", "HR-501", "HR Business Partner (m/w/d) – Elternzeitvertretung", "HR",
            JobStatus.Open, EmploymentType.Temporary, WorkplaceType.Hybrid,
            "Stuttgart", "Baden-Württemberg", "70173", "Königstraße 10", 58_000, 72_000, German: true, Weight: 2, AgeDays: 58,
            HiringManagers: ["admin"], Interviewers: ["recruiter2"],
            Tasks: ["Du berätst Führungskräfte in allen personalrelevanten Fragen", "Du begleitest Veränderungsprozesse und Reorganisationen", "Du arbeitest eng mit Recruiting und Payroll zusammen"],
            Profile: ["Studium mit Schwerpunkt Personal oder vergleichbare Qualifikation", "Mehrjährige Erfahrung als HR Business Partner", "Fundierte Kenntnisse im Arbeitsrecht"],
            Requirements: [new("Erfahrung als HR Business Partner", 5, ["hr business partner", "hrbp"]), new("Arbeitsrecht", 4, ["arbeitsrecht", "betriebsverfassungsgesetz"]), new("Studium Personalwesen", 3, ["personal", "hr", "studium"]), new("Change-Management", 2, ["change", "transformation"])],
            Knockouts: [new("Deutsch auf C2-Niveau", ["deutsch c2", "deutsch muttersprache"])],
            Skills: ["Arbeitsrecht", "Employee Relations", "Change-Management", "SAP HCM", "Personio", "Führungskräfteberatung"],
            Duration: "18 Monate"),
        new("finanzbuchhalter", "FIN-601", "Finanzbuchhalter (m/w/d)", "Finance",
            JobStatus.Open, EmploymentType.FullTime, WorkplaceType.Onsite,
            "Frankfurt am Main", "Hessen", "60311", "Neue Mainzer Straße 52", 48_000, 60_000, German: true, Weight: 2, AgeDays: 62,
            HiringManagers: ["manager2"], Interviewers: [],
            Tasks: ["Du bearbeitest die Kreditoren- und Debitorenbuchhaltung", "Du wirkst bei Monats- und Jahresabschlüssen nach HGB mit", "Du bist Ansprechperson für Steuerberatung und Wirtschaftsprüfung"],
            Profile: ["Abgeschlossene kaufmännische Ausbildung, gern mit Weiterbildung zum Bilanzbuchhalter", "Sehr gute DATEV-Kenntnisse", "Sorgfalt und Zahlenaffinität"],
            Requirements: [new("DATEV", 5, ["datev"]), new("HGB-Abschlüsse", 4, ["hgb", "jahresabschluss", "monatsabschluss"]), new("Weiterbildung zum Bilanzbuchhalter", 4, ["bilanzbuchhalter"]), new("Englischkenntnisse", 1, ["englisch", "english"])],
            Knockouts: [new("Abgeschlossene kaufmännische Ausbildung", ["ausbildung", "kaufmann", "kauffrau"])],
            Skills: ["DATEV", "HGB", "Kreditorenbuchhaltung", "Debitorenbuchhaltung", "SAP FI", "Excel", "Umsatzsteuer"]),
        new("werkstudent-online-marketing", "MKT-402", "Werkstudent Online Marketing (m/w/d)", "Marketing",
            JobStatus.Open, EmploymentType.PartTime, WorkplaceType.Hybrid,
            "Berlin", "Berlin", "10115", "Invalidenstraße 112", 18_000, 22_000, German: true, Weight: 2.5, AgeDays: 40,
            HiringManagers: ["manager2"], Interviewers: [],
            Tasks: ["Du unterstützt das Team bei Social-Media-Kampagnen", "Du erstellst Reportings und Wettbewerbsanalysen", "Du gestaltest Inhalte für Newsletter und Website"],
            Profile: ["Eingeschriebenes Studium, gern Marketing oder BWL", "Erste Erfahrung mit Social Media und Canva", "Verfügbarkeit von 20 Stunden pro Woche"],
            Requirements: [new("Studium Marketing/BWL", 4, ["marketing", "bwl", "studium"]), new("Social Media", 3, ["instagram", "linkedin", "tiktok"]), new("Canva und Adobe", 2, ["canva", "adobe", "photoshop"])],
            Knockouts: [new("Immatrikulation an einer Hochschule", ["immatrikuliert", "student", "studium"])],
            Skills: ["Social Media", "Canva", "Instagram", "Newsletter", "Excel", "Adobe Photoshop", "Content Creation"],
            Duration: "20 Std./Woche, mindestens 12 Monate"),
        new("teamleiter-logistik", "OPS-701", "Teamleiter Logistik (m/w/d)", "Operations",
            JobStatus.Closed, EmploymentType.FullTime, WorkplaceType.Onsite,
            "Leipzig", "Sachsen", "04103", "Brandenburger Straße 2", 52_000, 64_000, German: true, Weight: 1.5, AgeDays: 95,
            HiringManagers: ["manager2"], Interviewers: [],
            Tasks: ["Du führst ein Team von 15 Mitarbeitenden im Lager", "Du planst Schichten und Kapazitäten", "Du optimierst Prozesse gemeinsam mit der Standortleitung"],
            Profile: ["Erste Führungserfahrung in der Logistik", "Kenntnisse in Lagerverwaltungssystemen, idealerweise SAP EWM", "Bereitschaft zur Arbeit im Schichtbetrieb"],
            Requirements: [new("Führungserfahrung in der Logistik", 5, ["teamleitung", "führung", "logistik"]), new("Lagerverwaltungssysteme", 4, ["sap ewm", "lvs", "wms"]), new("Schichtbetrieb", 3, ["schicht"]), new("Staplerschein", 2, ["stapler"])],
            Knockouts: [new("Bereitschaft zur Schichtarbeit", ["schicht"])],
            Skills: ["Teamführung", "SAP EWM", "Schichtplanung", "Lean Management", "Staplerschein", "Kennzahlen"]),
    ];

    public static readonly string[] AboutUsDe =
    [
        "Die Muster GmbH entwickelt und betreibt Online-Shops für mittelständische Händler in ganz Europa. Rund 250 Menschen an fünf Standorten arbeiten bei uns daran, dass Einkaufen im Netz einfach funktioniert.",
    ];

    public static readonly string[] AboutUsEn =
    [
        "Muster GmbH builds and runs online shops for mid-sized retailers across Europe. Around 250 people in five locations make sure that shopping online just works.",
    ];

    public static readonly string[] BenefitsDe =
    [
        "30 Tage Urlaub und flexible Arbeitszeiten",
        "Bis zu drei Tage Homeoffice pro Woche",
        "Jährliches Weiterbildungsbudget von 1.500 €",
        "Deutschlandticket und JobRad",
        "Betriebliche Altersvorsorge mit Arbeitgeberzuschuss",
    ];

    public static readonly string[] BenefitsEn =
    [
        "30 days of paid holiday and flexible hours",
        "Up to three days a week from home",
        "A yearly learning budget of EUR 1,500",
        "Deutschlandticket and bike leasing",
        "Company pension scheme with employer contribution",
        "Relocation support and visa assistance",
    ];

    public static readonly OriginSpec[] Origins =
    [
        new(58,
            ["Anna", "Lena", "Laura", "Julia", "Sarah", "Lisa", "Katharina", "Johanna", "Sophie", "Marie", "Hannah", "Leonie", "Franziska", "Miriam", "Carolin", "Theresa", "Svenja", "Nadine", "Kerstin", "Jana", "Charlotte", "Greta", "Paula", "Annika", "Vanessa", "Christina", "Stefanie", "Anna-Lena",
             "Lukas", "Jonas", "Felix", "Maximilian", "Tobias", "Florian", "Sebastian", "Jan", "Niklas", "Philipp", "Matthias", "Stefan", "Christian", "Daniel", "Tim", "Moritz", "Benedikt", "Fabian", "Alexander", "Johannes", "Dominik", "Sven", "Thomas", "Michael", "Jens", "Kai", "Malte", "Henrik", "Till", "Jörg"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Ludwig", "Böhm", "Winter", "Kraus", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Sommer", "Groß", "Seidel", "Brandt", "Haas", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Pfeiffer"]),
        new(8, ["Emre", "Mehmet", "Can", "Burak", "Elif", "Zeynep", "Ayşe", "Selin", "Merve", "Cem", "Kaan", "Ece"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Arslan", "Doğan", "Koç"]),
        new(5, ["Katarzyna", "Agnieszka", "Piotr", "Tomasz", "Marta", "Paweł", "Magdalena", "Krzysztof"],
            ["Nowak", "Wójcik", "Kowalczyk", "Mazur", "Krawczyk", "Zając", "Król", "Pawlak", "Michalak", "Sikora"]),
        new(5, ["Giulia", "Francesca", "Alessandro", "Luca", "Matteo", "Chiara", "Federica", "Lorenzo"],
            ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco"]),
        new(4, ["Lucía", "Carmen", "Javier", "Pablo", "Alejandro", "Sofía", "Diego", "Elena"],
            ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz"]),
        new(4, ["Emily", "James", "Oliver", "Grace", "Thomas", "Sophie", "Daniel", "Amelia"],
            ["Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Clarke", "Hughes", "Turner", "Murphy"]),
        new(3, ["Camille", "Léa", "Chloé", "Hugo", "Louis", "Antoine", "Manon", "Julien"],
            ["Bernard", "Dubois", "Laurent", "Moreau", "Lefèvre", "Girard", "Fournier", "Mercier"]),
        new(5, ["Priya", "Ananya", "Rahul", "Arjun", "Vikram", "Neha", "Aditya", "Kavya"],
            ["Sharma", "Patel", "Gupta", "Iyer", "Reddy", "Nair", "Singh", "Kumar"]),
        new(3, ["Omar", "Ahmad", "Yasmin", "Layla", "Karim", "Nour", "Sami", "Rania"],
            ["Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Hamdan", "Aziz", "Darwish"]),
        new(2, ["Minh", "Linh", "Thu", "Duc", "Anh", "Huong"],
            ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"]),
        new(2, ["Olena", "Oleksandr", "Iryna", "Dmytro", "Nataliia", "Andrii"],
            ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko"]),
        new(1, ["Daan", "Sanne", "Bram", "Lotte", "Ruben", "Femke"],
            ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit"]),
    ];

    public static readonly CitySpec[] Cities =
    [
        new("Berlin", "Berlin", 14), new("Hamburg", "Hamburg", 9), new("München", "Bayern", 9),
        new("Köln", "Nordrhein-Westfalen", 8), new("Frankfurt am Main", "Hessen", 7), new("Stuttgart", "Baden-Württemberg", 6),
        new("Düsseldorf", "Nordrhein-Westfalen", 5), new("Leipzig", "Sachsen", 5), new("Dresden", "Sachsen", 3),
        new("Hannover", "Niedersachsen", 3), new("Nürnberg", "Bayern", 3), new("Bremen", "Bremen", 2),
        new("Essen", "Nordrhein-Westfalen", 2), new("Dortmund", "Nordrhein-Westfalen", 2), new("Mannheim", "Baden-Württemberg", 2),
        new("Karlsruhe", "Baden-Württemberg", 2), new("Münster", "Nordrhein-Westfalen", 2), new("Bonn", "Nordrhein-Westfalen", 2),
        new("Potsdam", "Brandenburg", 2), new("Mainz", "Rheinland-Pfalz", 2), new("Freiburg im Breisgau", "Baden-Württemberg", 1),
        new("Augsburg", "Bayern", 1), new("Kiel", "Schleswig-Holstein", 1), new("Rostock", "Mecklenburg-Vorpommern", 1),
        new("Erfurt", "Thüringen", 1), new("Magdeburg", "Sachsen-Anhalt", 1), new("Saarbrücken", "Saarland", 1),
        new("Wiesbaden", "Hessen", 1),
    ];

    public static readonly string[] EmailDomains = ["example.com", "example.org", "example.net"];

    public static readonly string[] MobilePrefixes =
        ["151", "152", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"];

    public static readonly string[] Tags =
        ["Top-Talent", "Remote", "Relocation", "Senior", "Junior", "Quereinsteiger", "Rückruf", "Silver Medalist", "Gehalt über Band", "Sofort verfügbar"];

    public static readonly string[] Languages = ["Deutsch C2", "Deutsch C1", "Deutsch B2", "Englisch C1", "Englisch B2", "Französisch B1", "Spanisch B2"];

    public static readonly string[] RejectionReasonsDe =
    [
        "Fachliche Anforderungen nicht ausreichend erfüllt.",
        "Gehaltsvorstellung deutlich über dem Budget.",
        "Andere Kandidatin/anderer Kandidat mit besserer Passung ausgewählt.",
        "Kandidat hat die Bewerbung zurückgezogen.",
        "Keine Rückmeldung auf mehrere Kontaktversuche.",
        "K.-o.-Kriterium nicht erfüllt.",
    ];

    public static readonly string[] RejectionReasonsEn =
    [
        "Not enough hands-on experience with the core stack.",
        "Salary expectations well above the band.",
        "Another candidate was a closer fit.",
        "Candidate withdrew after accepting another offer.",
        "No response after several attempts to reach out.",
        "Knockout criterion not met (work permit).",
    ];

    // {0} and {1} are two requirements of the job: the best-matched first.
    public static readonly string[] FitExplanationsDe =
    [
        "Schwache Passung: „{0}“ und „{1}“ gehen nicht klar aus dem Lebenslauf hervor.",
        "Teilweise passend: „{0}“ ist erfüllt, „{1}“ fehlt weitgehend.",
        "Gute Passung: „{0}“ ist klar erkennbar, „{1}“ nur teilweise belegt.",
        "Sehr gute Passung: „{0}“ und „{1}“ sind durch mehrjährige Erfahrung klar belegt.",
    ];

    public static readonly string[] FitExplanationsEn =
    [
        "Weak match: little evidence of {0} or {1} in the CV.",
        "Partial match: covers {0}, but {1} is largely missing.",
        "Good match: strong on {0}, while {1} is only partly evident.",
        "Excellent match: strong on {0} and backed by solid {1}.",
    ];

    // Placeholders: {first}, {name}, {job}.
    public static readonly string[] CandidateNotes =
    [
        "**Wechselmotivation:** möchte mehr Verantwortung übernehmen, aktuell stellvertretende Teamleitung.\n\nKündigungsfrist: 3 Monate zum Quartalsende.",
        "Prefers hybrid work, at most two office days a week. Salary expectation is at the upper end of the band.",
        "Sehr überzeugendes Profil – **für künftige Stellen im Blick behalten**.",
        "{first} was referred by a colleague from the backend team. Referral bonus applies if hired.",
        "Hatte sich schon letztes Jahr beworben; damals knapp gegen eine andere Person entschieden.",
        "Relocation from abroad needed – check Blue Card support with HR before the offer stage.",
        "- Gehaltsvorstellung: verhandelbar\n- Verfügbar ab: sofort\n- Reisebereitschaft: ja",
        "LinkedIn profile and CV disagree about the last position (dates differ by six months). Ask in the next call.",
        "Spricht fließend Deutsch und Englisch, dazu Grundkenntnisse in Französisch.",
        "{first} asked us to get in touch by email only, during working hours.",
        "Auf der Karrieremesse in Köln kennengelernt. Sehr offen, gute Fragen zu unserer Teamstruktur.",
        "Strong open-source track record; see the portfolio link. Worth a chat even if the current role does not fit.",
    ];

    public static readonly string[] ApplicationNotes =
    [
        "### Screening-Call\n- Motivation: passt\n- Gehalt: im Rahmen\n- Start: in zwei Monaten\n\n**Empfehlung:** weiter ins Fachinterview.",
        "### Phone screen\nClear communication and good examples of ownership. Wants to grow into a lead role within two years.",
        "Tech interview: solid fundamentals and a **very good** system design discussion. Needs some ramp-up on our stack.",
        "Unterlagen vollständig (Lebenslauf, Zeugnisse). Das Anschreiben ist allerdings sehr allgemein gehalten.",
        "The cover letter speaks directly to the role for {job} – nice touch.",
        "Referenzen eingeholt: beide positiv, besonders die Teamfähigkeit wurde hervorgehoben.",
        "Counter offer from the current employer is likely – we should move fast with {first}.",
        "Passt fachlich gut, aber die Gehaltsvorstellung liegt ca. 10 % über dem Band. Mit dem Hiring Manager abstimmen.",
        "Take-home task came back on time: clean code, tests included, the README could be better.",
        "{first} hat Rückfragen zu Homeoffice und Weiterbildungsbudget – im nächsten Gespräch klären.",
        "Interview rescheduled once at the candidate's request; otherwise very responsive.",
        "Gutes Bauchgefühl nach dem Kennenlernen. **Nächster Schritt:** Gespräch vor Ort mit dem Team.",
    ];

    public static readonly string[] JobNotes =
    [
        "**Budget freigegeben** für eine Vollzeitstelle; Start spätestens im nächsten Quartal.",
        "Interview process: 1) phone screen with recruiting, 2) technical interview with the team, 3) on-site meeting with the hiring manager.",
        "Anzeige zusätzlich auf Indeed geschaltet. Parallel Active Sourcing im Umkreis von 50 km.",
        "The hiring manager prefers candidates from product companies over agency backgrounds.",
        "Gehaltsband mit HR abgestimmt. Ausnahmen nur nach Rücksprache mit der Geschäftsführung.",
        "Weekly sync with the hiring team every Tuesday at 10:00.",
        "Bitte bei allen Kandidierenden die Kündigungsfrist im Screening abfragen.",
    ];

    // Placeholders: {first}, {name}, {job}.
    // Each title fits an application in the given stage.
    public static readonly (Stage Stage, string Title)[] ApplicationTasks =
    [
        (Stage.Offer, "Referenzen für {name} einholen"),
        (Stage.Interview, "Feedback zum Interview mit {name} abgeben"),
        (Stage.Offer, "Send the offer draft to {name}"),
        (Stage.Screening, "Call {first} back about salary expectations"),
        (Stage.Review, "Zeugnisse von {name} prüfen"),
        (Stage.Screening, "Schedule the on-site interview with {name}"),
        (Stage.Review, "Absage an {name} formulieren"),
        (Stage.Hired, "Onboarding-Checkliste für {name} anlegen"),
        (Stage.Interview, "Book a take-home review slot for {name}"),
        (Stage.New, "Unterlagen von {name} sichten"),
    ];

    public static readonly string[] CandidateTaskTitles =
    [
        "{name} für passende Stellen im Talent Pool prüfen",
        "Ask {first} for an updated CV",
        "Einwilligung zur Datenspeicherung von {name} erneuern",
    ];

    public static readonly string[] JobTaskTitles =
    [
        "Stellenanzeige „{job}“ auf LinkedIn verlängern",
        "Update the interview guide for {job}",
        "Gehaltsband für {job} mit HR abstimmen",
        "Kick-off mit dem Hiring Team für {job} planen",
    ];

    public static readonly string[] LooseTaskTitles =
    [
        "Recruiting-Reporting für das Quartal vorbereiten",
        "Prepare the careers fair in Cologne",
        "E-Mail-Vorlagen auf Gendern prüfen",
    ];

    public static readonly string[] Rooms =
    [
        "Besprechungsraum Spree (3. OG)",
        "Besprechungsraum Elbe (2. OG)",
        "Meeting room Rhine (4th floor)",
        "Konferenzraum Isar (EG)",
        "Büro der Teamleitung",
    ];

    public static readonly string[] InviteNotes =
    [
        "Bitte bringen Sie einen Lichtbildausweis mit und melden Sie sich am Empfang.",
        "We will go through a small system design exercise together – no preparation needed.",
        "Kurzes Kennenlernen am Telefon, ca. 30 Minuten.",
        "Please share your screen for the live coding part.",
    ];

    public static readonly string[] EvaluationNotesPositive =
    [
        "Strong problem solving, asked the right questions before jumping into a solution.",
        "Sehr strukturiert, überzeugende Beispiele aus dem aktuellen Job.",
        "Great culture add – would fit well into the team.",
        "Fachlich stark, sympathisch und sehr gut vorbereitet.",
    ];

    public static readonly string[] EvaluationNotesMixed =
    [
        "Good fundamentals, but limited experience at our scale.",
        "Kommunikativ stark, fachlich noch Lücken bei den Kernanforderungen.",
        "Solid, not outstanding. Would like a second opinion from the team.",
        "Motiviert, aber Gehaltsvorstellung und Erfahrung passen noch nicht ganz zusammen.",
    ];

    public static readonly TemplateSpec[] Templates =
    [
        new("received", "Eingangsbestätigung", "Ihre Bewerbung als {{ job.title }}",
            "Hallo {{ candidate.first_name }},\n\nvielen Dank für Ihre Bewerbung als **{{ job.title }}** bei der {{ company.name }}. Wir haben Ihre Unterlagen erhalten und melden uns in den nächsten Tagen bei Ihnen.\n\nViele Grüße\n{{ recruiter.name }}",
            Stage.New, true),
        new("interview", "Interview invitation", "Your interview for {{ job.title }}",
            "Hi {{ candidate.first_name }},\n\nthank you for your interest in the **{{ job.title }}** role at {{ company.name }}. We would love to get to know you better and invite you to an interview.\n\nYou will receive a calendar invitation with all details shortly.\n\nBest regards,\n{{ recruiter.name }}",
            Stage.Interview, true),
        new("rejected", "Absage", "Ihre Bewerbung als {{ job.title }}",
            "Hallo {{ candidate.first_name }},\n\nvielen Dank für Ihr Interesse an der {{ company.name }} und die Zeit, die Sie in Ihre Bewerbung als {{ job.title }} investiert haben. Nach sorgfältiger Prüfung haben wir uns für andere Kandidierende entschieden.\n\nWir wünschen Ihnen für Ihren weiteren Weg alles Gute.\n\nViele Grüße\n{{ recruiter.name }}",
            Stage.Rejected, true),
        new("interview_details", "Interview details", "Your interview on {{ interview.time }}",
            "Hi {{ candidate.first_name }},\n\nhere are the details of your interview for the **{{ job.title }}** role:\n\n- When: {{ interview.time }}\n- Where: {{ interview.link }}\n\nIf the time does not suit you, just reply to this mail.\n\n{{ recruiter.signature }}",
            null, true),
        new("offer", "Offer", "Your offer from {{ company.name }}",
            "Hi {{ candidate.first_name }},\n\nwe are delighted to offer you the position of **{{ job.title }}** at {{ company.name }}. Please find the details of our offer attached.\n\nDo not hesitate to call me if you have any questions.\n\nBest regards,\n{{ recruiter.name }}",
            null, true),
        new("talent_pool", "Talent Pool", "Wir bleiben in Kontakt",
            "Hallo {{ candidate.first_name }},\n\nfür die Stelle als {{ job.title }} hat es diesmal leider nicht gepasst. Ihr Profil hat uns aber überzeugt: Mit Ihrem Einverständnis nehmen wir Sie in unseren Talent Pool auf und melden uns, sobald eine passende Stelle frei wird.\n\nViele Grüße\n{{ recruiter.name }}",
            Stage.TalentPool, true),
        new("status_update", "Zwischenbescheid (alt)", "Kurzes Update zu Ihrer Bewerbung",
            "Hallo {{ candidate.first_name }},\n\nwir sind noch mitten im Auswahlprozess für die Stelle als {{ job.title }} und melden uns spätestens in zwei Wochen bei Ihnen.\n\nViele Grüße\n{{ recruiter.name }}",
            Stage.Screening, false),
    ];

    public static readonly (string Subject, string Body)[] FreeEmails =
    [
        ("Rückfrage zu Ihren Unterlagen", "Hallo {first},\n\nkönnten Sie uns bitte noch Ihr letztes Arbeitszeugnis zusenden? Vielen Dank!\n\nViele Grüße\nRita Recruiter"),
        ("Quick question about your availability", "Hi {first},\n\ncould you let me know your notice period and the earliest date you could start?\n\nThanks,\nRita"),
        ("Terminvorschläge für das Gespräch", "Hallo {first},\n\npassen Ihnen Dienstag 10:00 Uhr oder Donnerstag 14:00 Uhr für ein Gespräch zur Stelle als {job}?\n\nViele Grüße\nRita Recruiter"),
        ("Thank you for your time today", "Hi {first},\n\nthank you for the great conversation today. We will get back to you with next steps by the end of the week.\n\nBest,\nRita"),
    ];

    public static readonly (string Subject, string Body)[] CallNotes =
    [
        ("Telefonat", "Kurzes Telefonat mit {first}: weiterhin sehr interessiert, Kündigungsfrist 3 Monate."),
        ("Call", "Called {first} to walk through the interview process. Questions about remote work answered."),
        ("Telefonat", "{first} hat angerufen und nach dem Stand gefragt. Rückmeldung bis Freitag zugesagt."),
        ("Voicemail", "Left a voicemail for {first}; will try again tomorrow morning."),
    ];
}
