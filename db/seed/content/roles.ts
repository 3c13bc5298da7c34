import type { SeedRole } from './types'

/**
 * Seed content for the role catalogue.
 *
 * The first entry (Back-End Developer) restates the figures of the original SkillsU role page in
 * new wording. Every other entry is sample data for demonstration: its figures are illustrative
 * and are not market research.
 *
 * Skill names are shared across roles on purpose (candidate-to-role matching relies on them), so
 * always reuse the exact spelling already used here, e.g. 'Node.js', 'REST APIs', 'CI/CD'.
 */

const sampleSources = () => [{ label: 'Sample data for demonstration: illustrative figures, not market research' }]

export const seedRoles: SeedRole[] = [
  // ---------------------------------------------------------------------------------------------
  // Software Engineering
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'back-end-developer',
    title: 'Back-End Developer',
    category: 'software-engineering',
    summary: 'Builds and maintains the server-side logic, databases and APIs that power web applications.',
    overview:
      'A Back-End Developer creates and looks after the server-side code and data structures that web applications depend on. The work underpins how well an application functions, how fast it responds and how far it can scale. Back-End Developers partner with front-end developers and the wider team so that the user interface and the server fit together smoothly, and what they build shapes both the experience of end users and the efficiency of the technology stack the organization relies on.',
    responsibilities: [
      {
        title: 'Server-Side Logic Development',
        description:
          'Plan and write the application logic that runs on the server in languages such as Java, Python or Ruby, keeping it fast and making sure it connects cleanly with front-end components and other systems.',
      },
      {
        title: 'Database Management',
        description:
          'Create, evolve and tune database schemas that meet application needs, using SQL or NoSQL technologies while protecting data integrity and security and keeping queries performing well.',
      },
      {
        title: 'API Integration',
        description:
          'Build and look after APIs that let server-side applications exchange data smoothly with third-party providers, keeping those interfaces efficient, secure and dependable.',
      },
      {
        title: 'Security Implementation',
        description:
          'Put security and data-protection controls in place across server-side infrastructure, such as encryption, authentication and backup strategies, so that systems meet industry standards.',
      },
      {
        title: 'Testing and Debugging',
        description:
          'Write and run unit and integration tests to find and fix defects, confirming that software behaves as the design specifies and that quality stays consistent from project to project.',
      },
      {
        title: 'Performance Optimization',
        description:
          'Track how servers and applications perform, pinpoint bottlenecks and introduce fixes that raise efficiency, improve scalability and help servers cope with heavier load.',
      },
      {
        title: 'Version Control Collaboration',
        description:
          'Work with teammates through version control systems such as Git to manage code repositories, so that contributions stay in sync and code is merged efficiently from one deployment to the next.',
      },
    ],
    qualifications: [
      'At least 3 years of back-end development experience with technologies such as Node.js, Python or Java',
      'Strong working knowledge of database systems such as MySQL, PostgreSQL or MongoDB',
      'Hands-on experience building RESTful APIs and working with a microservices architecture',
      'Familiarity with cloud services and deployment processes, ideally on AWS or Azure',
    ],
    trends: [
      {
        text: 'AI technologies are being built into back-end development at a growing pace, with investment in this area expected to rise by 18% per year as organizations move toward smarter applications.',
        figurePct: 18,
        figureLabel: 'yearly growth in AI investment',
      },
      {
        text: 'Because programming languages and tools change quickly, ongoing learning and reskilling through online learning platforms is recommended to stay current.',
      },
    ],
    skills: [
      { name: 'Python', sharePct: 85 },
      { name: 'Java', sharePct: 85 },
      { name: 'MySQL', sharePct: 75 },
      { name: 'MongoDB', sharePct: 75 },
      { name: 'Microservices', sharePct: 40, emerging: true },
      { name: 'Cloud Computing', sharePct: 40, emerging: true },
      { name: 'PostgreSQL', sharePct: 35 },
      { name: 'Node.js', sharePct: 35 },
      { name: 'REST APIs', sharePct: 30 },
      { name: 'Git', sharePct: 30 },
      { name: 'Docker', sharePct: 25 },
      { name: 'AWS', sharePct: 25 },
    ],
    market: {
      growthRatePct: 8,
      growthPeriodStart: 2023,
      growthPeriodEnd: 2030,
      growthDriver: 'Rising demand for digital transformation across industries',
      entryToSeniorRatio: 2.5,
      demandChangePct: 12,
      demandChangePeriod: 'past year',
      demandHubs: ['Silicon Valley', 'Seattle', 'Austin'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 95000,
      avg: 110000,
      max: 145000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'New York City', premiumPct: 20 },
        { location: 'San Francisco', premiumPct: 20 },
      ],
    },
    sources: [{ label: 'SkillsU labour-market research (original role page)' }],
    lastReviewedAt: '2026-10-15',
    status: 'published',
  },
  {
    slug: 'front-end-developer',
    title: 'Front-End Developer',
    category: 'software-engineering',
    summary: 'Turns designs into fast, accessible and responsive user interfaces for the web.',
    overview:
      'A Front-End Developer builds the part of a web application that people see and interact with. Working from designs and product requirements, they write the markup, styles and client-side code that make pages load quickly, respond to input and work on every screen size. They collaborate closely with designers, back-end developers and product managers, and their choices have a direct effect on usability, accessibility and how users perceive the product.',
    responsibilities: [
      {
        title: 'User Interface Development',
        description:
          'Translate design files into reusable, well-structured components using modern JavaScript frameworks, keeping the interface consistent with the design system.',
      },
      {
        title: 'Responsive and Cross-Browser Support',
        description:
          'Make sure layouts and interactions work across browsers, devices and screen sizes, and fix rendering differences as they appear.',
      },
      {
        title: 'Accessibility',
        description:
          'Build interfaces that can be used with a keyboard and assistive technologies, following recognized accessibility guidelines and testing with real tools.',
      },
      {
        title: 'API Consumption and State Management',
        description:
          'Connect the interface to back-end services through REST or GraphQL APIs and manage client-side state, loading and error handling in a predictable way.',
      },
      {
        title: 'Front-End Performance',
        description:
          'Measure and improve load time and runtime performance through code splitting, caching, image optimization and careful use of third-party scripts.',
      },
      {
        title: 'Testing and Code Review',
        description:
          'Write unit and end-to-end tests for components and user flows, and review teammates\' code to keep quality and conventions consistent.',
      },
    ],
    qualifications: [
      '2+ years of professional front-end development with JavaScript or TypeScript',
      'Solid experience with a component framework such as React, including hooks and state management',
      'Strong command of semantic HTML, modern CSS and responsive layout techniques',
      'Working knowledge of web accessibility practices and browser developer tools',
    ],
    trends: [
      {
        text: 'Server-side rendering and hybrid rendering frameworks are becoming the default for new projects, with adoption in sampled job postings up about 25% year over year.',
        figurePct: 25,
        figureLabel: 'yearly rise in server-rendering framework postings',
      },
      {
        text: 'Accessibility is moving from a nice-to-have to a hiring requirement as more organizations set formal compliance targets for their digital products.',
      },
    ],
    skills: [
      { name: 'JavaScript', sharePct: 90 },
      { name: 'TypeScript', sharePct: 70 },
      { name: 'React', sharePct: 68 },
      { name: 'HTML', sharePct: 65 },
      { name: 'CSS', sharePct: 65 },
      { name: 'Accessibility', sharePct: 35, emerging: true },
      { name: 'REST APIs', sharePct: 30 },
      { name: 'Git', sharePct: 30 },
      { name: 'Next.js', sharePct: 25, emerging: true },
    ],
    market: {
      growthRatePct: 7,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2031,
      growthDriver: 'Continued investment in customer-facing web products and self-service digital channels',
      entryToSeniorRatio: 2.2,
      demandChangePct: 6,
      demandChangePeriod: 'past year',
      demandHubs: ['New York City', 'San Francisco', 'Austin'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 80000,
      avg: 102000,
      max: 138000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 18 },
        { location: 'New York City', premiumPct: 15 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-09-02',
    status: 'published',
  },
  {
    slug: 'full-stack-developer',
    title: 'Full-Stack Developer',
    category: 'software-engineering',
    summary: 'Delivers complete features across the browser, the server and the database.',
    overview:
      'A Full-Stack Developer works on every layer of a web application, from the user interface to the APIs and databases behind it. They can take a feature from an idea to production on their own or as part of a small team, which makes them especially valuable in start-ups and product teams that need to move quickly. Alongside coding, they make pragmatic decisions about architecture, tooling and trade-offs between speed and maintainability.',
    responsibilities: [
      {
        title: 'End-to-End Feature Delivery',
        description:
          'Design, build and ship features that span the front end, the back end and the data layer, coordinating changes so that each release is consistent.',
      },
      {
        title: 'API Design',
        description:
          'Define clear REST APIs between the interface and the server, with sensible validation, error handling and versioning.',
      },
      {
        title: 'Data Modeling',
        description:
          'Model application data in relational or document databases, write migrations and keep queries efficient as the product grows.',
      },
      {
        title: 'Deployment and Operations',
        description:
          'Package and deploy applications through CI/CD pipelines and containers, and keep an eye on logs and metrics after release.',
      },
      {
        title: 'Quality and Testing',
        description:
          'Cover critical paths with unit, integration and end-to-end tests and fix defects found in any layer of the stack.',
      },
      {
        title: 'Technical Collaboration',
        description:
          'Work with designers, product managers and specialists to refine requirements, estimate work and share knowledge across the team.',
      },
    ],
    qualifications: [
      '3+ years building web applications across both front end and back end',
      'Experience with JavaScript or TypeScript on the client and Node.js, Python or Java on the server',
      'Comfort with SQL databases such as PostgreSQL and at least one NoSQL store',
      'Familiarity with Git-based workflows, automated testing and cloud deployment',
    ],
    trends: [
      {
        text: 'TypeScript across the whole stack is becoming a common hiring expectation, listed in a growing share of sampled full-stack postings, up roughly 20% over two years.',
        figurePct: 20,
        figureLabel: 'two-year rise in TypeScript requirements',
      },
      {
        text: 'AI coding assistants are changing day-to-day work, and employers increasingly look for developers who can review and verify generated code critically.',
      },
    ],
    skills: [
      { name: 'JavaScript', sharePct: 82 },
      { name: 'TypeScript', sharePct: 68 },
      { name: 'React', sharePct: 62 },
      { name: 'Node.js', sharePct: 58 },
      { name: 'SQL', sharePct: 50 },
      { name: 'PostgreSQL', sharePct: 38 },
      { name: 'REST APIs', sharePct: 45 },
      { name: 'Git', sharePct: 40 },
      { name: 'Docker', sharePct: 30 },
      { name: 'AWS', sharePct: 28, emerging: true },
    ],
    market: {
      growthRatePct: 9,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Smaller product teams seeking engineers who can deliver features without hand-offs',
      entryToSeniorRatio: 1.8,
      demandChangePct: 10,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'New York City', 'Denver'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 88000,
      avg: 112000,
      max: 150000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 22 },
        { location: 'Seattle', premiumPct: 14 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-08-20',
    status: 'published',
  },
  {
    slug: 'mobile-developer',
    title: 'Mobile Developer',
    category: 'software-engineering',
    summary: 'Builds and ships native and cross-platform apps for iOS and Android devices.',
    overview:
      'A Mobile Developer designs, builds and maintains applications for smartphones and tablets. They work with native languages or cross-platform frameworks to create apps that feel fast and natural on each device, handle unreliable networks gracefully and respect battery and privacy constraints. Mobile Developers work with designers, back-end engineers and product managers, and they own the release process through the app stores.',
    responsibilities: [
      {
        title: 'App Development',
        description:
          'Build app screens, navigation and business logic in Swift, Kotlin or a cross-platform framework such as React Native, following each platform\'s conventions.',
      },
      {
        title: 'Back-End Integration',
        description:
          'Connect apps to REST APIs, handle authentication and offline data, and keep local storage in sync with the server.',
      },
      {
        title: 'Performance and Battery Efficiency',
        description:
          'Profile start-up time, memory use and battery drain, and optimize rendering and network calls so that the app stays responsive.',
      },
      {
        title: 'Release Management',
        description:
          'Prepare builds, manage signing and store listings, and coordinate staged roll-outs and fixes through the app stores.',
      },
      {
        title: 'Testing and Monitoring',
        description:
          'Write automated tests, test on a range of real devices and monitor crash reports and analytics after each release.',
      },
    ],
    qualifications: [
      '2+ years developing and publishing mobile applications',
      'Proficiency in Swift or Kotlin, or in React Native with JavaScript or TypeScript',
      'Experience integrating apps with REST APIs and handling offline and error states',
      'Understanding of app store guidelines, mobile security and privacy requirements',
    ],
    trends: [
      {
        text: 'Cross-platform frameworks continue to gain ground, and in sampled postings about 45% of mobile roles now mention a cross-platform toolkit.',
        figurePct: 45,
        figureLabel: 'share of postings mentioning cross-platform tools',
      },
      {
        text: 'On-device machine learning features such as image recognition and smart suggestions are becoming a common part of consumer apps.',
      },
    ],
    skills: [
      { name: 'Swift', sharePct: 55 },
      { name: 'Kotlin', sharePct: 55 },
      { name: 'React Native', sharePct: 40, emerging: true },
      { name: 'JavaScript', sharePct: 35 },
      { name: 'TypeScript', sharePct: 30 },
      { name: 'React', sharePct: 28 },
      { name: 'REST APIs', sharePct: 45 },
      { name: 'Git', sharePct: 35 },
      { name: 'CI/CD', sharePct: 20 },
    ],
    market: {
      growthRatePct: 6,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Businesses shifting more customer journeys to mobile-first experiences',
      entryToSeniorRatio: 1.9,
      demandChangePct: 4,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'Los Angeles', 'Seattle'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 85000,
      avg: 108000,
      max: 142000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 20 },
        { location: 'Los Angeles', premiumPct: 10 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-07-11',
    status: 'published',
  },

  // ---------------------------------------------------------------------------------------------
  // Data & AI
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'data-engineer',
    title: 'Data Engineer',
    category: 'data-ai',
    summary: 'Designs and runs the pipelines and platforms that move, clean and store an organization\'s data.',
    overview:
      'A Data Engineer builds the systems that collect data from many sources, transform it into a reliable shape and make it available to analysts, data scientists and applications. They design pipelines, data warehouses and lakes, and they are responsible for data quality, freshness and cost. Data Engineers work with software engineers, analysts and machine learning teams, and the trust an organization places in its reports and models depends heavily on their work.',
    responsibilities: [
      {
        title: 'Pipeline Development',
        description:
          'Build batch and streaming pipelines that ingest data from applications, files and third-party services, with clear scheduling, retries and alerting.',
      },
      {
        title: 'Data Modeling and Warehousing',
        description:
          'Design warehouse and lakehouse models that make data easy to query, and keep schemas documented and versioned.',
      },
      {
        title: 'Data Quality',
        description:
          'Add automated checks for completeness, freshness and accuracy, and investigate and fix issues when they are detected.',
      },
      {
        title: 'Platform Operations',
        description:
          'Run and tune distributed processing and orchestration tools, managing performance and cloud cost as data volumes grow.',
      },
      {
        title: 'Stakeholder Support',
        description:
          'Work with analysts and data scientists to understand their needs and deliver datasets that are ready for reporting and modeling.',
      },
      {
        title: 'Governance and Security',
        description:
          'Apply access controls, data retention rules and privacy safeguards so that sensitive data is handled appropriately.',
      },
    ],
    qualifications: [
      '3+ years building data pipelines in a production environment',
      'Strong SQL and Python skills, plus experience with a distributed engine such as Apache Spark',
      'Experience with workflow orchestration such as Airflow and with a cloud data warehouse',
      'Understanding of data modeling, data quality practices and cloud platforms such as AWS',
    ],
    trends: [
      {
        text: 'Real-time data is in higher demand, and the share of sampled data engineering postings that mention streaming has grown by about 30% in two years.',
        figurePct: 30,
        figureLabel: 'two-year growth in streaming requirements',
      },
      {
        text: 'Teams are treating datasets as products with owners, contracts and service levels, which raises the importance of documentation and data quality tooling.',
      },
      {
        text: 'Preparing data for generative AI, including text and document pipelines, is becoming a regular part of the role.',
      },
    ],
    skills: [
      { name: 'SQL', sharePct: 88 },
      { name: 'Python', sharePct: 80 },
      { name: 'Apache Spark', sharePct: 45 },
      { name: 'Airflow', sharePct: 35 },
      { name: 'AWS', sharePct: 45 },
      { name: 'PostgreSQL', sharePct: 25 },
      { name: 'Docker', sharePct: 22 },
      { name: 'Apache Kafka', sharePct: 28, emerging: true },
      { name: 'Git', sharePct: 30 },
    ],
    market: {
      growthRatePct: 11,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Growing data volumes and the need for reliable data to feed analytics and AI',
      entryToSeniorRatio: 1.6,
      demandChangePct: 14,
      demandChangePeriod: 'past year',
      demandHubs: ['New York City', 'Seattle', 'Chicago'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 98000,
      avg: 124000,
      max: 165000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 20 },
        { location: 'New York City', premiumPct: 16 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-09-18',
    status: 'published',
  },
  {
    slug: 'data-scientist',
    title: 'Data Scientist',
    category: 'data-ai',
    summary: 'Uses statistics and machine learning to answer business questions and guide decisions.',
    overview:
      'A Data Scientist turns data into insight. They frame business questions as analytical problems, explore and clean data, build statistical and machine learning models and explain what the results mean for the organization. Data Scientists work with product managers, engineers and business leaders, and a large part of the job is communicating findings clearly so that they lead to better decisions.',
    responsibilities: [
      {
        title: 'Problem Framing',
        description:
          'Work with stakeholders to turn open-ended business questions into measurable analyses with clear success criteria.',
      },
      {
        title: 'Exploratory Analysis',
        description:
          'Explore, clean and visualize data to understand patterns, data quality issues and promising signals.',
      },
      {
        title: 'Modeling',
        description:
          'Build, validate and compare statistical and machine learning models, choosing methods that balance accuracy with interpretability.',
      },
      {
        title: 'Experimentation',
        description:
          'Design and analyze A/B tests and other experiments, making sure results are statistically sound before they inform decisions.',
      },
      {
        title: 'Communication of Results',
        description:
          'Present findings through dashboards, reports and presentations tailored to technical and non-technical audiences.',
      },
    ],
    qualifications: [
      'Degree in statistics, computer science, mathematics or a related quantitative field, or equivalent experience',
      '2+ years applying statistical analysis and machine learning to real business problems',
      'Strong Python and SQL skills, including common data analysis libraries',
      'Ability to explain technical results clearly to non-specialist audiences',
    ],
    trends: [
      {
        text: 'Generative AI is reshaping the role, and about 35% of sampled data science postings now mention experience with large language models.',
        figurePct: 35,
        figureLabel: 'share of postings mentioning LLM experience',
      },
      {
        text: 'Employers increasingly expect data scientists to deploy their own models, blurring the line with machine learning engineering.',
      },
    ],
    skills: [
      { name: 'Python', sharePct: 90 },
      { name: 'SQL', sharePct: 78 },
      { name: 'Statistics', sharePct: 70 },
      { name: 'Machine Learning', sharePct: 72 },
      { name: 'Data Analysis', sharePct: 60 },
      { name: 'Data Visualization', sharePct: 45 },
      { name: 'PyTorch', sharePct: 25, emerging: true },
      { name: 'Large Language Models', sharePct: 35, emerging: true },
    ],
    market: {
      growthRatePct: 13,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2032,
      growthDriver: 'Organizations relying more on data-driven decisions and predictive analytics',
      entryToSeniorRatio: 1.4,
      demandChangePct: 9,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'New York City', 'Boston'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 95000,
      avg: 126000,
      max: 170000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 22 },
        { location: 'Boston', premiumPct: 12 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-06-30',
    status: 'published',
  },
  {
    slug: 'machine-learning-engineer',
    title: 'Machine Learning Engineer',
    category: 'data-ai',
    summary: 'Takes machine learning models from experiment to reliable, scalable production systems.',
    overview:
      'A Machine Learning Engineer builds the software and infrastructure that put machine learning models into production. They take models from research or data science teams, make them efficient and reliable, and wrap them in services and pipelines that can be retrained, monitored and scaled. The role blends software engineering with applied machine learning, and it sits at the center of any organization that ships AI-powered features.',
    responsibilities: [
      {
        title: 'Model Development',
        description:
          'Train, fine-tune and evaluate models with modern frameworks, selecting architectures that fit the problem, data and latency budget.',
      },
      {
        title: 'Model Deployment',
        description:
          'Package models as services or batch jobs, using containers and cloud infrastructure to serve predictions reliably at scale.',
      },
      {
        title: 'ML Pipelines',
        description:
          'Automate data preparation, training, evaluation and release so that models can be retrained and shipped repeatably.',
      },
      {
        title: 'Monitoring and Maintenance',
        description:
          'Track model accuracy, data drift, latency and cost in production, and trigger retraining or rollback when quality drops.',
      },
      {
        title: 'Optimization',
        description:
          'Reduce inference cost and latency through techniques such as batching, quantization and efficient hardware use.',
      },
      {
        title: 'Responsible AI',
        description:
          'Assess models for bias, robustness and privacy risks, and document their intended use and limitations.',
      },
    ],
    qualifications: [
      '3+ years of software engineering experience, including at least 1 year shipping machine learning systems',
      'Strong Python skills and hands-on experience with PyTorch or TensorFlow',
      'Experience deploying services with Docker and Kubernetes on a cloud platform',
      'Solid grounding in machine learning fundamentals, evaluation methods and statistics',
    ],
    trends: [
      {
        text: 'Demand for engineers who can build on large language models is surging, with such requirements appearing in about 50% more sampled postings than a year earlier.',
        figurePct: 50,
        figureLabel: 'yearly rise in LLM-related postings',
      },
      {
        text: 'MLOps practices such as feature stores, model registries and automated evaluation are becoming standard rather than specialist tooling.',
      },
    ],
    skills: [
      { name: 'Python', sharePct: 92 },
      { name: 'Machine Learning', sharePct: 88 },
      { name: 'PyTorch', sharePct: 55 },
      { name: 'TensorFlow', sharePct: 40 },
      { name: 'Docker', sharePct: 45 },
      { name: 'Kubernetes', sharePct: 35 },
      { name: 'AWS', sharePct: 38 },
      { name: 'SQL', sharePct: 40 },
      { name: 'Large Language Models', sharePct: 45, emerging: true },
      { name: 'MLOps', sharePct: 30, emerging: true },
    ],
    market: {
      growthRatePct: 18,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Rapid adoption of AI features in products and internal tools',
      entryToSeniorRatio: 1.1,
      demandChangePct: 22,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'Seattle', 'New York City'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 115000,
      avg: 148000,
      max: 200000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 25 },
        { location: 'Seattle', premiumPct: 15 },
        { location: 'New York City', premiumPct: 15 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-10-01',
    status: 'published',
  },

  // ---------------------------------------------------------------------------------------------
  // Cloud & Infrastructure
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'devops-engineer',
    title: 'DevOps Engineer',
    category: 'cloud-infrastructure',
    summary: 'Automates how software is built, tested, deployed and run so teams can ship safely and often.',
    overview:
      'A DevOps Engineer bridges software development and operations. They build the pipelines, infrastructure and tooling that let teams release changes quickly without sacrificing stability. Day to day that means automating builds and deployments, managing infrastructure as code, and improving observability. DevOps Engineers work with developers, security specialists and operations staff, and they help spread a culture of shared ownership for running software.',
    responsibilities: [
      {
        title: 'CI/CD Pipelines',
        description:
          'Design and maintain build, test and deployment pipelines that give developers fast feedback and make releases routine.',
      },
      {
        title: 'Infrastructure as Code',
        description:
          'Define cloud resources with tools such as Terraform, review changes like application code and keep environments reproducible.',
      },
      {
        title: 'Container Platforms',
        description:
          'Package services with Docker and run them on Kubernetes, managing configuration, scaling and upgrades.',
      },
      {
        title: 'Observability',
        description:
          'Set up metrics, logs, traces and alerts so that teams can spot and diagnose problems before users are affected.',
      },
      {
        title: 'Security and Compliance Automation',
        description:
          'Build secret management, dependency scanning and policy checks into pipelines and infrastructure.',
      },
      {
        title: 'Developer Enablement',
        description:
          'Write scripts, templates and documentation that help development teams deploy and operate their own services.',
      },
    ],
    qualifications: [
      '3+ years in DevOps, infrastructure or systems engineering roles',
      'Hands-on experience with CI/CD tooling, Docker and Kubernetes',
      'Proficiency with infrastructure as code, such as Terraform, on AWS, Azure or another major cloud',
      'Scripting skills in Bash and Python and a solid understanding of Linux and networking',
    ],
    trends: [
      {
        text: 'Platform engineering is growing out of DevOps, and sampled postings for internal developer platform work have increased by about 28% in a year.',
        figurePct: 28,
        figureLabel: 'yearly growth in platform engineering postings',
      },
      {
        text: 'Cloud cost management is becoming a core responsibility, with teams expected to track and reduce spending as part of normal operations.',
      },
    ],
    skills: [
      { name: 'CI/CD', sharePct: 80 },
      { name: 'Docker', sharePct: 75 },
      { name: 'Kubernetes', sharePct: 68 },
      { name: 'AWS', sharePct: 65 },
      { name: 'Terraform', sharePct: 55 },
      { name: 'Linux', sharePct: 60 },
      { name: 'Python', sharePct: 45 },
      { name: 'Bash', sharePct: 45 },
      { name: 'Git', sharePct: 50 },
      { name: 'Azure', sharePct: 30 },
    ],
    market: {
      growthRatePct: 12,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Cloud migration and the push for faster, more reliable software releases',
      entryToSeniorRatio: 1.3,
      demandChangePct: 8,
      demandChangePeriod: 'past year',
      demandHubs: ['Seattle', 'Austin', 'Washington, D.C.'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 100000,
      avg: 128000,
      max: 168000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 18 },
        { location: 'Seattle', premiumPct: 12 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-05-14',
    status: 'published',
  },
  {
    slug: 'cloud-architect',
    title: 'Cloud Architect',
    category: 'cloud-infrastructure',
    summary: 'Plans secure, scalable and cost-effective cloud platforms and guides teams in adopting them.',
    overview:
      'A Cloud Architect defines how an organization uses cloud platforms. They translate business and technical requirements into architectures that are secure, resilient and affordable, set standards for how teams build on the cloud and guide migrations from on-premises systems. Cloud Architects work with engineering leaders, security teams and finance, and they are often the technical voice in decisions about vendors and long-term platform strategy.',
    responsibilities: [
      {
        title: 'Architecture Design',
        description:
          'Design cloud architectures for new and existing systems, documenting decisions, trade-offs and reference patterns for teams to follow.',
      },
      {
        title: 'Migration Planning',
        description:
          'Assess existing applications and plan phased moves to the cloud, choosing between rehosting, refactoring and replacement.',
      },
      {
        title: 'Security and Governance',
        description:
          'Define identity, network and data-protection standards, and set up guardrails that keep accounts compliant by default.',
      },
      {
        title: 'Cost Management',
        description:
          'Model and monitor cloud spending, recommend savings and make sure architectures stay cost-effective as usage grows.',
      },
      {
        title: 'Technical Leadership',
        description:
          'Advise engineering teams, review designs and mentor engineers on cloud best practices.',
      },
    ],
    qualifications: [
      '7+ years in software or infrastructure engineering, including 3+ years designing cloud solutions',
      'Deep knowledge of at least one major cloud platform such as AWS or Azure',
      'Experience with networking, identity management, infrastructure as code and Kubernetes',
      'Strong communication skills and experience presenting designs to technical and business leaders',
    ],
    trends: [
      {
        text: 'Multi-cloud and hybrid strategies are spreading, and about 40% of sampled architect postings ask for experience with more than one cloud provider.',
        figurePct: 40,
        figureLabel: 'share of postings asking for multi-cloud experience',
      },
      {
        text: 'Architects are increasingly asked to design infrastructure for AI workloads, including GPU capacity planning and data residency.',
      },
    ],
    skills: [
      { name: 'AWS', sharePct: 78 },
      { name: 'Azure', sharePct: 55 },
      { name: 'Cloud Computing', sharePct: 85 },
      { name: 'Terraform', sharePct: 45 },
      { name: 'Kubernetes', sharePct: 42 },
      { name: 'Microservices', sharePct: 40 },
      { name: 'Network Security', sharePct: 35 },
      { name: 'Google Cloud', sharePct: 30, emerging: true },
    ],
    market: {
      growthRatePct: 14,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Ongoing migration of enterprise workloads to public and hybrid clouds',
      entryToSeniorRatio: 0.6,
      demandChangePct: 11,
      demandChangePeriod: 'past year',
      demandHubs: ['Washington, D.C.', 'Dallas', 'Seattle'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 130000,
      avg: 158000,
      max: 205000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 17 },
        { location: 'New York City', premiumPct: 14 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2025-06-01',
    status: 'published',
  },
  {
    slug: 'site-reliability-engineer',
    title: 'Site Reliability Engineer',
    category: 'cloud-infrastructure',
    summary: 'Applies software engineering to operations to keep services reliable, fast and scalable.',
    overview:
      'A Site Reliability Engineer (SRE) uses software engineering to solve operational problems. They define how reliable a service needs to be, measure it against that target and automate away repetitive operational work. SREs lead incident response, run blameless reviews afterward and work with development teams to design systems that fail gracefully. The role is central to keeping large-scale services available and performant.',
    responsibilities: [
      {
        title: 'Reliability Targets',
        description:
          'Define service level objectives and error budgets with product teams, and use them to balance new features against stability work.',
      },
      {
        title: 'Incident Response',
        description:
          'Take part in on-call rotations, coordinate the response to outages and lead blameless post-incident reviews.',
      },
      {
        title: 'Automation',
        description:
          'Write tools and services that eliminate manual operational tasks, from deployments to capacity changes.',
      },
      {
        title: 'Observability',
        description:
          'Build monitoring, alerting and tracing that surface real user impact and cut the time needed to diagnose problems.',
      },
      {
        title: 'Capacity and Performance Planning',
        description:
          'Forecast demand, run load tests and tune systems so that they scale ahead of traffic growth.',
      },
    ],
    qualifications: [
      '3+ years in software engineering, SRE or production operations',
      'Coding ability in Go, Python or a similar language for tooling and automation',
      'Deep experience with Linux, Kubernetes and cloud infrastructure',
      'Practical experience with monitoring systems, incident management and distributed systems',
    ],
    trends: [
      {
        text: 'AI-assisted operations tools are being adopted for alert triage and root-cause analysis, cutting reported incident diagnosis time by around 20% in sampled case studies.',
        figurePct: -20,
        figureLabel: 'change in incident diagnosis time',
      },
      {
        text: 'Reliability practices are spreading beyond large tech companies to banks, retailers and public-sector organizations.',
      },
    ],
    skills: [
      { name: 'Linux', sharePct: 75 },
      { name: 'Kubernetes', sharePct: 70 },
      { name: 'Python', sharePct: 55 },
      { name: 'Go', sharePct: 45, emerging: true },
      { name: 'AWS', sharePct: 55 },
      { name: 'Observability', sharePct: 60 },
      { name: 'Terraform', sharePct: 40 },
      { name: 'Incident Response', sharePct: 50 },
      { name: 'CI/CD', sharePct: 40 },
    ],
    market: {
      growthRatePct: 12,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Businesses depending on always-on digital services with strict uptime expectations',
      entryToSeniorRatio: 0.9,
      demandChangePct: 7,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'Seattle', 'New York City'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 115000,
      avg: 142000,
      max: 185000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 20 },
        { location: 'New York City', premiumPct: 14 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-04-09',
    status: 'published',
  },

  // ---------------------------------------------------------------------------------------------
  // Security
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'security-analyst',
    title: 'Security Analyst',
    category: 'security',
    summary: 'Monitors systems for threats, investigates alerts and helps the organization respond to attacks.',
    overview:
      'A Security Analyst watches over an organization\'s systems and data. They monitor security tools for signs of attack, investigate suspicious activity, coordinate the response to incidents and recommend improvements to defenses. Security Analysts work with IT, engineering and compliance teams, and they often serve as the first line of defense when something goes wrong. The role suits people who are curious, methodical and calm under pressure.',
    responsibilities: [
      {
        title: 'Security Monitoring',
        description:
          'Watch alerts from SIEM and endpoint tools, separate real threats from noise and escalate confirmed issues quickly.',
      },
      {
        title: 'Incident Investigation',
        description:
          'Investigate security events, gather evidence from logs and systems and document the timeline and impact.',
      },
      {
        title: 'Vulnerability Management',
        description:
          'Run and review vulnerability scans, prioritize findings by risk and follow remediation through with system owners.',
      },
      {
        title: 'Threat Intelligence',
        description:
          'Follow new attack techniques and threat reports, and turn them into updated detection rules and guidance.',
      },
      {
        title: 'Policy and Awareness',
        description:
          'Help maintain security policies and procedures, and support awareness training for staff.',
      },
    ],
    qualifications: [
      '2+ years in a security operations, IT or network administration role',
      'Experience with SIEM platforms, log analysis and endpoint detection tools',
      'Understanding of networking, operating systems and common attack techniques',
      'An entry-level or intermediate security certification is preferred',
    ],
    trends: [
      {
        text: 'Automation and AI-assisted triage are reshaping security operations, with about 30% of sampled analyst postings mentioning security automation skills.',
        figurePct: 30,
        figureLabel: 'share of postings mentioning security automation',
      },
      {
        text: 'Cloud environments are now a primary focus, so analysts are expected to understand cloud logs and identity-based attacks.',
      },
    ],
    skills: [
      { name: 'SIEM', sharePct: 70 },
      { name: 'Incident Response', sharePct: 65 },
      { name: 'Network Security', sharePct: 60 },
      { name: 'Vulnerability Management', sharePct: 50 },
      { name: 'Linux', sharePct: 40 },
      { name: 'Python', sharePct: 30 },
      { name: 'Cloud Computing', sharePct: 32, emerging: true },
      { name: 'Threat Intelligence', sharePct: 35 },
    ],
    market: {
      growthRatePct: 15,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2032,
      growthDriver: 'The rising frequency and cost of cyberattacks and stricter regulation',
      entryToSeniorRatio: 2.1,
      demandChangePct: 10,
      demandChangePeriod: 'past year',
      demandHubs: ['Washington, D.C.', 'New York City', 'Dallas'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 75000,
      avg: 98000,
      max: 130000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'Washington, D.C.', premiumPct: 12 },
        { location: 'New York City', premiumPct: 15 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-03-22',
    status: 'published',
  },
  {
    slug: 'application-security-engineer',
    title: 'Application Security Engineer',
    category: 'security',
    summary: 'Helps development teams design, build and ship software that resists attack.',
    overview:
      'An Application Security Engineer works with software teams to make the code they ship secure. They review designs for risks, test applications for vulnerabilities, build security checks into development pipelines and teach engineers how to avoid common mistakes. The role combines development skills with an attacker\'s mindset, and it is most effective when security becomes a normal part of how software is built rather than a final gate.',
    responsibilities: [
      {
        title: 'Threat Modeling',
        description:
          'Review new features and architectures with engineering teams to identify likely threats and agree on mitigations early.',
      },
      {
        title: 'Security Testing',
        description:
          'Perform code reviews and manual and automated testing to find vulnerabilities in web applications and APIs.',
      },
      {
        title: 'Secure Pipelines',
        description:
          'Add static analysis, dependency scanning and secret detection to CI/CD pipelines and tune them to keep false positives low.',
      },
      {
        title: 'Remediation Support',
        description:
          'Help developers understand and fix findings, and track vulnerabilities through to resolution.',
      },
      {
        title: 'Developer Education',
        description:
          'Create secure-coding guidelines and training, and act as a go-to adviser for security questions.',
      },
      {
        title: 'Incident Support',
        description:
          'Assist with investigations when application-level security incidents occur and feed lessons back into practices.',
      },
    ],
    qualifications: [
      '3+ years in software development or application security',
      'Solid understanding of common web vulnerabilities and how to prevent them',
      'Ability to read and review code in languages such as Java, Python or JavaScript',
      'Experience with security testing tools and integrating them into CI/CD',
    ],
    trends: [
      {
        text: 'Software supply chain security is a fast-rising priority, with sampled postings that mention it up roughly 35% in a year.',
        figurePct: 35,
        figureLabel: 'yearly rise in supply chain security postings',
      },
      {
        text: 'Security teams are shifting effort earlier in development, favoring guardrails and secure defaults over late-stage reviews.',
      },
    ],
    skills: [
      { name: 'Threat Modeling', sharePct: 55 },
      { name: 'Secure Coding', sharePct: 65 },
      { name: 'CI/CD', sharePct: 45 },
      { name: 'Python', sharePct: 40 },
      { name: 'Java', sharePct: 30 },
      { name: 'JavaScript', sharePct: 30 },
      { name: 'Vulnerability Management', sharePct: 45 },
      { name: 'Cloud Computing', sharePct: 30, emerging: true },
      { name: 'Docker', sharePct: 20 },
    ],
    market: {
      growthRatePct: 16,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'High-profile software breaches and new requirements for secure development',
      entryToSeniorRatio: 0.8,
      demandChangePct: 13,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'Seattle', 'Washington, D.C.'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 118000,
      avg: 145000,
      max: 190000,
      maxOpenEnded: true,
      locationPremiums: [{ location: 'San Francisco', premiumPct: 20 }],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-08-05',
    status: 'published',
  },

  // ---------------------------------------------------------------------------------------------
  // Quality Engineering
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'qa-automation-engineer',
    title: 'QA Automation Engineer',
    category: 'quality',
    summary: 'Builds automated test suites and tooling that catch defects before software reaches users.',
    overview:
      'A QA Automation Engineer makes sure software works as intended by building automated tests and the frameworks that run them. They plan test coverage with developers and product managers, write UI, API and integration tests, and wire them into delivery pipelines so that problems surface early. QA Automation Engineers also investigate failures, report defects clearly and champion quality practices across the team.',
    responsibilities: [
      {
        title: 'Test Strategy',
        description:
          'Plan what to test and at which level, balancing unit, API and end-to-end tests to get fast and trustworthy feedback.',
      },
      {
        title: 'Test Automation Development',
        description:
          'Write and maintain automated tests for web interfaces and APIs using frameworks such as Playwright or Selenium.',
      },
      {
        title: 'Pipeline Integration',
        description:
          'Run test suites in CI/CD pipelines, keep them fast and stable and make results easy for developers to read.',
      },
      {
        title: 'Defect Management',
        description:
          'Reproduce, isolate and document defects with clear steps, and verify fixes before release.',
      },
      {
        title: 'Flaky Test Reduction',
        description:
          'Track unreliable tests, find root causes such as timing or test data issues and fix them.',
      },
      {
        title: 'Quality Advocacy',
        description:
          'Share testing practices with the team and help developers write testable code and better tests of their own.',
      },
    ],
    qualifications: [
      '2+ years writing automated tests for web applications or APIs',
      'Programming skills in JavaScript, TypeScript, Python or Java',
      'Experience with test frameworks such as Playwright, Cypress or Selenium',
      'Familiarity with CI/CD pipelines, Git and SQL for test data setup',
    ],
    trends: [
      {
        text: 'Modern browser automation frameworks are overtaking older tools, appearing in about 40% more sampled QA postings than two years ago.',
        figurePct: 40,
        figureLabel: 'two-year rise in modern framework postings',
      },
      {
        text: 'Teams are experimenting with AI to generate test cases and maintain selectors, shifting the QA role toward reviewing and curating tests.',
      },
    ],
    skills: [
      { name: 'Test Automation', sharePct: 90 },
      { name: 'Selenium', sharePct: 45 },
      { name: 'Playwright', sharePct: 35, emerging: true },
      { name: 'JavaScript', sharePct: 45 },
      { name: 'TypeScript', sharePct: 30 },
      { name: 'Python', sharePct: 35 },
      { name: 'Java', sharePct: 35 },
      { name: 'CI/CD', sharePct: 50 },
      { name: 'REST APIs', sharePct: 40 },
      { name: 'SQL', sharePct: 30 },
    ],
    market: {
      growthRatePct: 5,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Faster release cycles that depend on reliable automated testing',
      entryToSeniorRatio: 2.0,
      demandChangePct: 3,
      demandChangePeriod: 'past year',
      demandHubs: ['Austin', 'Atlanta', 'Chicago'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 72000,
      avg: 95000,
      max: 125000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 16 },
        { location: 'New York City', premiumPct: 12 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-02-17',
    status: 'published',
  },

  // ---------------------------------------------------------------------------------------------
  // Design & Product
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'product-designer',
    title: 'Product Designer',
    category: 'design-product',
    summary: 'Researches user needs and designs digital products that are useful, usable and accessible.',
    overview:
      'A Product Designer shapes how a digital product works and feels. They learn about users through research, map out flows, create wireframes and high-fidelity designs, and test ideas with prototypes before anything is built. Product Designers work closely with product managers and engineers throughout development, and they look after the consistency and accessibility of the experience over time.',
    responsibilities: [
      {
        title: 'User Research',
        description:
          'Plan and run interviews, usability tests and surveys, and turn what is learned into clear insights for the team.',
      },
      {
        title: 'Interaction Design',
        description:
          'Map user journeys and design flows, wireframes and interactions that make complex tasks feel simple.',
      },
      {
        title: 'Visual Design',
        description:
          'Produce polished interface designs that follow the design system and brand while meeting accessibility standards.',
      },
      {
        title: 'Prototyping and Testing',
        description:
          'Build interactive prototypes to explore ideas and validate them with users before development starts.',
      },
      {
        title: 'Design Systems',
        description:
          'Contribute components, patterns and guidelines to a shared design system and keep it in step with the codebase.',
      },
      {
        title: 'Collaboration with Engineering',
        description:
          'Work alongside developers during implementation, answer questions quickly and review builds against the designs.',
      },
    ],
    qualifications: [
      '3+ years designing digital products, with a portfolio showing process and outcomes',
      'Expert use of a modern design tool such as Figma, including components and prototyping',
      'Experience planning and running user research and usability tests',
      'Working knowledge of accessibility guidelines and of how interfaces are built with HTML and CSS',
    ],
    trends: [
      {
        text: 'Designers are increasingly expected to design AI-powered features, and about 25% of sampled postings now mention experience with AI-driven experiences.',
        figurePct: 25,
        figureLabel: 'share of postings mentioning AI experience design',
      },
      {
        text: 'Closer designer-developer collaboration through shared design tokens and code-based prototypes is becoming common practice.',
      },
    ],
    skills: [
      { name: 'Figma', sharePct: 85 },
      { name: 'User Research', sharePct: 65 },
      { name: 'Prototyping', sharePct: 70 },
      { name: 'Interaction Design', sharePct: 60 },
      { name: 'Design Systems', sharePct: 45 },
      { name: 'Accessibility', sharePct: 40 },
      { name: 'HTML', sharePct: 15 },
      { name: 'CSS', sharePct: 15 },
    ],
    market: {
      growthRatePct: 8,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2032,
      growthDriver: 'Competition on user experience as digital products become the main way customers engage',
      entryToSeniorRatio: 1.5,
      demandChangePct: 5,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'New York City', 'Los Angeles'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 85000,
      avg: 112000,
      max: 150000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 20 },
        { location: 'New York City', premiumPct: 15 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-07-28',
    status: 'published',
  },
  {
    slug: 'product-manager',
    title: 'Product Manager',
    category: 'design-product',
    summary: 'Decides what a product team builds and why, balancing user needs, business goals and feasibility.',
    overview:
      'A Product Manager guides a product from idea to launch and beyond. They understand users and the market, define what success looks like, prioritize what the team works on and make trade-offs between value, effort and risk. Product Managers work with designers, engineers, marketing, sales and leadership, and although they rarely manage people directly, they are accountable for the outcomes the product delivers.',
    responsibilities: [
      {
        title: 'Product Discovery',
        description:
          'Research customer problems and market opportunities with design and engineering, and validate ideas before committing to build them.',
      },
      {
        title: 'Roadmap and Prioritization',
        description:
          'Maintain a roadmap tied to company goals and prioritize the backlog based on impact, effort and risk.',
      },
      {
        title: 'Requirements and Delivery',
        description:
          'Write clear problem statements and acceptance criteria, and work with the team through agile delivery to ship increments.',
      },
      {
        title: 'Metrics and Analysis',
        description:
          'Define success metrics, analyze product data and experiments, and use the results to decide what to do next.',
      },
      {
        title: 'Stakeholder Communication',
        description:
          'Keep leadership, sales, support and marketing informed about plans, progress and launches.',
      },
      {
        title: 'Go-to-Market Support',
        description:
          'Partner with marketing and sales on positioning, launch plans and feedback loops from customers.',
      },
    ],
    qualifications: [
      '3+ years in product management or a related role such as engineering, design or analytics',
      'Track record of shipping products or features with measurable results',
      'Comfort with data analysis, including basic SQL or analytics tools',
      'Strong written and verbal communication and experience working in agile teams',
    ],
    trends: [
      {
        text: 'AI product management is a fast-growing specialty, with sampled postings for AI-focused product roles up about 30% year over year.',
        figurePct: 30,
        figureLabel: 'yearly rise in AI product role postings',
      },
      {
        text: 'Companies increasingly favor product managers who are hands-on with data and can run their own analyses and experiments.',
      },
    ],
    skills: [
      { name: 'Product Roadmapping', sharePct: 75 },
      { name: 'Agile', sharePct: 65 },
      { name: 'Data Analysis', sharePct: 55 },
      { name: 'User Research', sharePct: 45 },
      { name: 'Stakeholder Management', sharePct: 60 },
      { name: 'SQL', sharePct: 25 },
      { name: 'A/B Testing', sharePct: 30 },
      { name: 'Machine Learning', sharePct: 15, emerging: true },
    ],
    market: {
      growthRatePct: 10,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'More companies organizing around digital products and outcome-focused teams',
      entryToSeniorRatio: 0.7,
      demandChangePct: 6,
      demandChangePeriod: 'past year',
      demandHubs: ['San Francisco', 'New York City', 'Seattle'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 105000,
      avg: 135000,
      max: 180000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'San Francisco', premiumPct: 22 },
        { location: 'New York City', premiumPct: 16 },
        { location: 'Seattle', premiumPct: 12 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-01-12',
    status: 'published',
  },

  // ---------------------------------------------------------------------------------------------
  // Draft (must stay hidden from the public site)
  // ---------------------------------------------------------------------------------------------
  {
    slug: 'blockchain-developer',
    title: 'Blockchain Developer',
    category: 'software-engineering',
    summary: 'Builds smart contracts and decentralized applications on blockchain platforms.',
    overview:
      'A Blockchain Developer designs and builds applications that run on distributed ledgers. They write and audit smart contracts, connect them to web and mobile front ends and integrate with wallets and off-chain services. Because deployed contracts are hard to change and often hold value, the role puts a strong emphasis on security, testing and careful review. Blockchain Developers work with product, security and front-end teams.',
    responsibilities: [
      {
        title: 'Smart Contract Development',
        description:
          'Write, test and deploy smart contracts, keeping them simple, well documented and efficient in transaction costs.',
      },
      {
        title: 'Security Review',
        description:
          'Apply secure patterns, run static analysis and prepare contracts for external audits, fixing any findings.',
      },
      {
        title: 'Application Integration',
        description:
          'Connect contracts to front ends and back-end services, handling wallets, signing and event indexing.',
      },
      {
        title: 'Testing',
        description:
          'Build thorough automated test suites, including edge cases and simulated attacks, before any deployment.',
      },
      {
        title: 'Protocol Research',
        description:
          'Follow changes to blockchain platforms and standards and assess how they affect existing and planned work.',
      },
    ],
    qualifications: [
      '2+ years of software development, including at least 1 year building on a blockchain platform',
      'Experience writing and testing smart contracts in Solidity or Rust',
      'Good knowledge of JavaScript or TypeScript for application integration',
      'Understanding of cryptography basics and common smart contract vulnerabilities',
    ],
    trends: [
      {
        text: 'Demand has become more focused on security and infrastructure work, with about 35% of sampled postings asking for smart contract auditing experience.',
        figurePct: 35,
        figureLabel: 'share of postings asking for auditing experience',
      },
      {
        text: 'Interest is shifting toward practical uses such as payments, tokenized assets and supply chain tracking.',
      },
    ],
    skills: [
      { name: 'Solidity', sharePct: 70 },
      { name: 'Rust', sharePct: 30, emerging: true },
      { name: 'JavaScript', sharePct: 55 },
      { name: 'TypeScript', sharePct: 45 },
      { name: 'Node.js', sharePct: 35 },
      { name: 'Secure Coding', sharePct: 40 },
      { name: 'Git', sharePct: 35 },
      { name: 'React', sharePct: 25 },
    ],
    market: {
      growthRatePct: 4,
      growthPeriodStart: 2024,
      growthPeriodEnd: 2030,
      growthDriver: 'Adoption of blockchain for payments and digital asset infrastructure',
      entryToSeniorRatio: 1.2,
      demandChangePct: -5,
      demandChangePeriod: 'past year',
      demandHubs: ['New York City', 'Miami', 'San Francisco'],
    },
    salary: {
      currency: 'USD',
      region: 'United States',
      min: 100000,
      avg: 130000,
      max: 175000,
      maxOpenEnded: true,
      locationPremiums: [
        { location: 'New York City', premiumPct: 15 },
        { location: 'San Francisco', premiumPct: 18 },
      ],
    },
    sources: sampleSources(),
    lastReviewedAt: '2026-03-03',
    status: 'draft',
  },
]
